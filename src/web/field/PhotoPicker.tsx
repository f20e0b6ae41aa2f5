/** Photos from the phone's camera (or its album), scaled down and shown as thumbnails before they are queued. */
import { Alert, Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { downscalePhoto } from './photos';

export interface PickedPhoto {
  blob: Blob;
  name: string;
}

export function PhotoPicker({ label, photos, onChange, testId }: { label: string; photos: PickedPhoto[]; onChange: (photos: PickedPhoto[]) => void; testId: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p.blob)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setProblem(null);
    const added: PickedPhoto[] = [];
    const bad: string[] = [];
    for (const file of Array.from(files)) {
      try {
        const blob = await downscalePhoto(file);
        added.push({ blob, name: `${file.name.replace(/\.[^.]*$/, '') || '照片'}.jpg` });
      } catch (e) {
        bad.push(e instanceof Error ? e.message : file.name);
      }
    }
    setBusy(false);
    if (bad.length) setProblem(bad.join('；'));
    onChange([...photos, ...added]);
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <div style={{ marginBottom: 4 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid={`${testId}-thumbs`}>
        {photos.map((p, i) => (
          <div key={urls[i]} style={{ position: 'relative', width: 88, height: 88 }}>
            <img src={urls[i]} alt={`照片${i + 1}`} style={{ width: 88, height: 88, objectFit: 'cover', borderRadius: 4, border: '1px solid #d9d9d9' }} />
            <button
              type="button"
              aria-label={`删除照片${i + 1}`}
              onClick={() => onChange(photos.filter((_, j) => j !== i))}
              style={{ position: 'absolute', top: 2, right: 2, border: 0, borderRadius: 10, width: 22, height: 22, background: 'rgba(0,0,0,.6)', color: '#fff', cursor: 'pointer' }}
            >
              ×
            </button>
          </div>
        ))}
        <label style={{ width: 88, height: 88, border: '1px dashed #999', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', cursor: 'pointer', background: '#fff', fontSize: 13 }}>
          {busy ? '处理中…' : '＋ 拍照'}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid={testId}
            style={{ display: 'none' }}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {problem ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={problem} /> : null}
      {photos.length ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onChange([])}>
          全部删除
        </Button>
      ) : null}
    </div>
  );
}
