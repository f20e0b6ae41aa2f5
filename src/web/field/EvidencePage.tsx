/**
 * 程序佐证 on a phone (a village clerk): photos of the open step's notices (公示、公告) and meeting minutes, queued on
 * the phone with the procedure's version and sent when the network allows; a procedure that moved on meanwhile is
 * shown as a conflict, not uploaded to a step it no longer is at.
 */
import { Alert, Button, Card, Descriptions, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Procedure } from '../../contract/procedures';
import { errorMessage, get } from '../app/api';
import { procedureCache } from './db';
import { openStepName, procedureBasis } from './facts';
import { FieldBar, FieldBody } from './FieldRoutes';
import { useLoad, useOnline } from './hooks';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import { newItemBase, photoFiles, type EvidenceItem } from './queue';
import { useQueueSave } from './useQueueSave';

async function loadProcedure(id: number, online: boolean): Promise<Procedure> {
  if (online) {
    try {
      const p = await get<Procedure>(`/api/procedures/${id}`);
      await procedureCache.put(p);
      return p;
    } catch (e) {
      const cached = await procedureCache.get(id);
      if (!cached) throw e;
      return cached;
    }
  }
  const cached = await procedureCache.get(id);
  if (!cached) throw new Error('这个程序还没有下载到手机，请联网后打开');
  return cached;
}

export function EvidencePage() {
  const id = Number(useParams().id);
  const online = useOnline();
  const data = useLoad(() => loadProcedure(id, online), [id, online]);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const back = data.data?.householdId ? `/field/households/${data.data.householdId}` : '/field';
  const { saving, failure: problem, setFailure: setProblem, save: queue } = useQueueSave(back);

  if (data.loading && !data.data) return (<><FieldBar title="程序佐证" back={back} /><Spin style={{ display: 'block', margin: '80px auto' }} /></>);
  const p = data.data;
  if (!p)
    return (
      <>
        <FieldBar title="程序佐证" back={back} />
        <FieldBody>
          <Alert type="error" showIcon title={errorMessage(data.error)} />
        </FieldBody>
      </>
    );
  const step = p.definition.steps[p.currentStep];
  const onStep = p.attachments.filter((a) => a.stepIndex === p.currentStep);

  const save = async () => {
    if (!photos.length) {
      setProblem('请先拍摄公示、公告或会议记录的照片');
      return;
    }
    await queue('佐证材料', (): EvidenceItem => ({
      type: 'evidence',
      ...newItemBase(),
      baseVersion: p.version,
      basis: procedureBasis(p),
      label: `${p.kindLabel}：${p.village.name}`,
      files: photoFiles(photos),
      procedureId: p.id,
      step: p.currentStep,
      stepName: step?.name ?? `第${p.currentStep + 1}步`,
    }));
  };

  return (
    <>
      <FieldBar title="程序佐证" back={back} />
      <FieldBody>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="程序">{p.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="村">{p.village.name}</Descriptions.Item>
            <Descriptions.Item label="当前步骤">
              <Tag color={p.state === 'running' ? 'blue' : 'default'}>{openStepName(p)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="本步已有材料">{onStep.length} 份</Descriptions.Item>
          </Descriptions>
        </Card>
        {p.state !== 'running' ? (
          <Alert type="warning" showIcon title="该程序已不在办理中，不能再上传佐证材料" />
        ) : (
          <Card size="small">
            <PhotoPicker label="公示、公告或会议记录的照片" photos={photos} onChange={setPhotos} testId="field-evidence-photos" />
            {problem ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} /> : null}
            <Button type="primary" size="large" block style={{ height: 52, fontSize: 18 }} loading={saving} onClick={() => void save()}>
              保存佐证材料
            </Button>
          </Card>
        )}
      </FieldBody>
    </>
  );
}
