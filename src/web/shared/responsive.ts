import { Grid } from 'antd';

/**
 * Whether the screen is a phone's (below antd's `md`, 768 px; issue 12: the field pages work at 360–414 px). Before
 * the first measurement antd answers nothing: counted as not a phone, so a desktop never flashes the phone layout.
 */
export function usePhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
