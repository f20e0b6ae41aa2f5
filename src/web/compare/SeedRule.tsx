import { Alert } from 'antd';
import { cite } from '../../domain/shared/sources';

/** Seed 004's rule, shown wherever hits are: a hit is a lead for the village assembly, never a verdict. */
export function SeedRule() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="比对结果只是问题线索，不直接取消任何人的资格"
      description={`按照“一比对”的要求，对疑似问题要逐户核实，经查证属实的，也要将问题线索重新提交村民代表大会评议，以村民评议结果为最终依据；坚决防止“几不准”等一刀切的做法，不能简单以“买车、买房”等理由予以清除。（依据：${cite('maanshan2017')}）`}
    />
  );
}
