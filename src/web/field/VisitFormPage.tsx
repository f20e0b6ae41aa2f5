/**
 * 记录走访 on a phone, with or without network: kind, date (today), what was done, photos from the camera and the
 * household's and the helper's signatures drawn on screen. Checked with the endpoint's own schema (visitInput), then
 * always queued on the phone first (outbox), and sent when the network allows (sync.ts).
 */
import { Alert, Button, Card, Input, Radio, Select, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { visitInput, type VisitInput } from '../../contract/pairing';
import { VISIT_KINDS, type VisitKind } from '../../domain/pairing/half-year-visit';
import type { FieldError } from '../../domain/shared/errors';
import { todayIso } from '../app/format';
import { problemsOf } from '../app/forms';
import { householdCache } from './db';
import { householdBasis, householdHead } from './facts';
import { FieldBar, FieldBody } from './FieldRoutes';
import { useFieldUser, useLoad } from './hooks';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import { newItemBase, newKey, photoFiles, type QueuedFile, type VisitItem } from './queue';
import { SignaturePad } from './SignaturePad';
import { useQueueSave } from './useQueueSave';

const LABELS: Record<string, string> = { kind: '走访类别', visitedOn: '走访日期', helperId: '帮扶责任人', visitor: '走访人', content: '走访内容' };

function FieldProblem({ problems, field }: { problems: FieldError[]; field: string }) {
  const p = problems.filter((x) => x.field === field);
  return p.length ? <div style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>{p.map((x) => x.message).join('；')}</div> : null;
}

export function VisitFormPage() {
  const id = Number(useParams().id);
  const { me } = useFieldUser();
  const data = useLoad(() => householdCache.get(id), [id]);
  const [kind, setKind] = useState<VisitKind>('帮扶走访');
  const [visitedOn, setVisitedOn] = useState(todayIso());
  const [helperId, setHelperId] = useState<number | null>(null);
  const [visitor, setVisitor] = useState('');
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [householdSig, setHouseholdSig] = useState<Blob | null>(null);
  const [helperSig, setHelperSig] = useState<Blob | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);

  const back = `/field/households/${id}`;
  const { saving, failure, save: queue } = useQueueSave(back);
  if (data.loading) return (<><FieldBar title="记录走访" back={back} /><Spin style={{ display: 'block', margin: '80px auto' }} /></>);
  const h = data.data;
  if (!h)
    return (
      <>
        <FieldBar title="记录走访" back={back} />
        <FieldBody>
          <Alert type="error" showIcon title="这户还没有下载到手机：请联网后在“我的户”中下载或打开这户" />
        </FieldBody>
      </>
    );

  // A 帮扶责任人 records their own visits (the server takes their helper record); a clerk names the helper or visitor.
  const ownHelper = me.helperId !== null;
  const helpers = (h.pairing?.helpers ?? []).filter((a) => a.current);
  const asksHelper = !ownHelper && kind === '帮扶走访' && helpers.length > 0;
  const asksVisitor = kind === '家庭医生' || (!ownHelper && (helperId === null || !asksHelper));

  const save = async () => {
    const value: Record<string, unknown> = { kind, visitedOn, content };
    if (ownHelper && kind === '帮扶走访') value.helperId = me.helperId;
    else if (asksHelper && helperId !== null) value.helperId = helperId;
    if (asksVisitor || visitor.trim()) value.visitor = visitor.trim() || undefined;
    const found = problemsOf(visitInput, value, LABELS);
    if (!content.trim()) found.push({ field: 'content', label: LABELS.content!, message: '请填写走访了解的情况和落实的帮扶措施' });
    if (asksVisitor && !visitor.trim() && !(asksHelper && helperId !== null)) found.push({ field: 'visitor', label: LABELS.visitor!, message: '请填写走访人姓名' });
    if (visitedOn > todayIso()) found.push({ field: 'visitedOn', label: LABELS.visitedOn!, message: '走访日期不能晚于今天' });
    setProblems(found);
    if (found.length) return;
    await queue('走访', () => {
      const visit = visitInput.parse(value) as VisitInput;
      const files: QueuedFile[] = [
        ...photoFiles(photos),
        ...(householdSig ? [{ kind: 'household' as const, name: '贫困户签字.png', mime: 'image/png', key: newKey(), serverId: null, blob: householdSig }] : []),
        ...(helperSig ? [{ kind: 'helper' as const, name: '帮扶责任人签字.png', mime: 'image/png', key: newKey(), serverId: null, blob: helperSig }] : []),
      ];
      return {
        type: 'visit',
        ...newItemBase(),
        baseVersion: h.household.version,
        basis: householdBasis(h.household),
        label: `${householdHead(h.household)}（户编号 ${h.household.number}）`,
        files,
        householdId: id,
        visit,
        key: newKey(),
        visitId: null,
      } satisfies VisitItem;
    });
  };

  return (
    <>
      <FieldBar title={`记录走访 · ${householdHead(h.household)}`} back={back} />
      <FieldBody>
        <Card size="small">
          <div style={{ marginBottom: 16 }}>
            <div style={{ marginBottom: 4 }}>走访类别</div>
            <Radio.Group optionType="button" buttonStyle="solid" value={kind} onChange={(e) => setKind(e.target.value as VisitKind)} options={VISIT_KINDS.map((k) => ({ label: k, value: k }))} />
            <FieldProblem problems={problems} field="kind" />
          </div>
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="field-visited-on">走访日期</label>
            <Input id="field-visited-on" type="date" size="large" value={visitedOn} max={todayIso()} onChange={(e) => setVisitedOn(e.target.value)} />
            <FieldProblem problems={problems} field="visitedOn" />
          </div>
          {asksHelper ? (
            <div style={{ marginBottom: 16 }}>
              <div style={{ marginBottom: 4 }}>帮扶责任人</div>
              <Select
                size="large"
                style={{ width: '100%' }}
                allowClear
                placeholder="选择走访的帮扶责任人"
                value={helperId ?? undefined}
                onChange={(v: number | undefined) => setHelperId(v ?? null)}
                options={helpers.map((a) => ({ value: a.helperId, label: `${a.helperName}（${a.unit}）` }))}
              />
              <FieldProblem problems={problems} field="helperId" />
            </div>
          ) : null}
          {asksVisitor ? (
            <div style={{ marginBottom: 16 }}>
              <label htmlFor="field-visitor">{kind === '家庭医生' ? '签约医生' : '走访人'}</label>
              <Input id="field-visitor" size="large" value={visitor} maxLength={50} onChange={(e) => setVisitor(e.target.value)} />
              <FieldProblem problems={problems} field="visitor" />
            </div>
          ) : null}
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="field-content">走访内容</label>
            <Input.TextArea
              id="field-content"
              rows={5}
              maxLength={2000}
              showCount
              placeholder="了解的情况、落实的帮扶措施、户的意见"
              value={content}
              onChange={(e) => setContent(e.target.value)}
            />
            <FieldProblem problems={problems} field="content" />
          </div>
          <PhotoPicker label="走访照片" photos={photos} onChange={setPhotos} testId="field-photos" />
          <SignaturePad label="贫困户签字" testId="field-sign-household" onChange={setHouseholdSig} />
          <SignaturePad label="帮扶责任人签字" testId="field-sign-helper" onChange={setHelperSig} />
          {problems.some((p) => !LABELS[p.field]) ? <Alert type="error" showIcon title={problems.map((p) => `${p.label}：${p.message}`).join('；')} /> : null}
          {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure} /> : null}
          <Button type="primary" size="large" block style={{ height: 52, fontSize: 18 }} loading={saving} onClick={() => void save()}>
            保存走访
          </Button>
        </Card>
      </FieldBody>
    </>
  );
}
