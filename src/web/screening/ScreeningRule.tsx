import { Alert } from 'antd';
import { citeWords } from '../../domain/shared/sources';

/** Seed 004's rule, shown wherever flags are: a flag is a lead for the village, never a change of the registry. */
export function ScreeningRule() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="排查结果只是待核实的线索，不自动纳入、清退或返贫"
      description={`应纳尽纳“零漏评”、应退尽退“零错评”、应扶尽扶“零错退”：对名单上未纳入建档立卡范围的人员、不符合识别标准的贫困户和“两不愁、三保障”不再达标的脱贫户逐户核实，由村里评议记录结果，再按相应程序办理。（依据：${citeWords('maanshan2017', '“重点关注未纳入建档立卡范围的低保户、重残户、大病户、老人户以及申请户、信访户”')}）`}
    />
  );
}
