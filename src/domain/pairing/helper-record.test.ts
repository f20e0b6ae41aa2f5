import { describe, expect, it } from 'vitest';
import { helperRecordProblems, type HelperRecord } from './helper-record';

const ok: HelperRecord = { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567' };

// Seed 004: the 扶贫手册 names the helper with “工作单位、职务、联系电话”; “乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员”.
describe('helperRecordProblems', () => {
  it.each([
    [{}, []],
    [{ phone: '' }, []],
    [{ phone: '+86 (834) 123-4567' }, []],
    [{ name: '  ' }, ['name：请填写帮扶责任人姓名']],
    [{ unit: '' }, ['unit：请填写工作单位']],
    [{ unit: '单'.repeat(101) }, ['unit：不能超过 100 字']],
    [{ post: '职'.repeat(51) }, ['post：不能超过 50 字']],
    [{ phone: '1' }, ['phone：电话号码格式不正确']],
    [{ phone: '电话 12345' }, ['phone：电话号码格式不正确']],
    [{ level: '村' }, ['level：村级干部不能担任帮扶责任人：须为乡镇以上党政机关、事业单位在编干部']],
  ] as Array<[Partial<HelperRecord>, string[]]>)('%o → %o', (over, problems) => {
    expect(helperRecordProblems({ ...ok, ...over }).map((p) => `${p.field}：${p.message}`)).toEqual(problems);
  });
});
