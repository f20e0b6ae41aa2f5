import type { Village, VillageInput, VillageYearInput } from '../../contract/registry/villages';
import { villageExit, villageExitParams, type VillageExitParams } from '../../domain/registry/village-exit';
import { summarise } from '../../domain/registry/rollup';
import { isoDate } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { requirePermission, requireRegion, type Auth } from '../auth/access';
import { snapshotOf } from '../audit/snapshots';
import type { RegistryRepo } from './repo';
import { figuresAsOf } from './rollup';
import type { RegistryDeps, Tx } from './service';
import { requireYearOpen, type YearWrite } from './year-lock';
import { poorPersonsOf } from './statistics-service';

/** A village checked through the registry's repository (inside a transaction the regions service is not reachable). */
export async function villageIn(r: RegistryRepo, auth: Auth, code: string) {
  requireRegion(auth, code, '该村');
  const region = await r.region(code);
  if (!region) throw new AppError('NOT_FOUND', `行政区划代码不存在：${code}`);
  if (region.level !== 5) throw new AppError('VALIDATION', `“${region.name}”不是村级行政区划`);
  return region;
}

/** Villages of the registry (村情): the profile, the yearly figures, the exit check and the village-exit trial. */
export function makeVillageService({ repo, repoIn, transaction, regions, audit, now, yearLock }: Pick<RegistryDeps, 'repo' | 'repoIn' | 'transaction' | 'regions' | 'audit' | 'now' | 'yearLock'>) {
  async function village(auth: Auth, code: string) {
    requireRegion(auth, code, '该村');
    const region = await regions.get(code);
    if (region.level !== 5) throw new AppError('VALIDATION', `“${region.name}”不是村级行政区划`);
    return region;
  }

  /** The village with its exit check: seed 004's thresholds (`DEFAULT_VILLAGE_EXIT`), or those the caller chose. */
  async function villageView(auth: Auth, code: string, thresholds: Partial<VillageExitParams> = {}): Promise<Village> {
    const region = await village(auth, code);
    const profile = await repo.villageProfile(code);
    const years = await repo.villageYears(code);
    const today = isoDate(now());
    const { byStatus } = summarise(await figuresAsOf(repo, code, today, Number(today.slice(0, 4)) - 1), 0);
    const remainingPoor = poorPersonsOf(byStatus);
    const lastIncome = [...years].reverse().find((y) => y.collectiveIncome !== null);
    const exitCheck = villageExit(
      {
        remainingPoor,
        certifiedPopulation: profile?.certifiedPopulation ?? 0,
        specialtyIndustries: profile?.specialtyIndustries.length ?? 0,
        collectiveIncomeYuan: lastIncome?.collectiveIncome ?? 0,
        infrastructureImproved: profile?.infrastructureImproved ?? false,
        publicServicesImproved: profile?.publicServicesImproved ?? false,
      },
      villageExitParams(thresholds),
    );
    return { region, profile: profile ?? null, years, byStatus, remainingPoor, collectiveIncomeYear: lastIncome?.year ?? null, exitCheck };
  }

  return {
    village: villageView,
    async saveVillage(auth: Auth, code: string, input: VillageInput): Promise<Village> {
      requirePermission(auth, 'registry.write');
      await village(auth, code);
      const fields: FieldError[] = [];
      if (input.poorVillage && !input.identifiedYear) fields.push({ field: 'identifiedYear', label: '识别年度', message: '贫困村须填写识别年度' });
      if (input.exited && !input.exitYear) fields.push({ field: 'exitYear', label: '出列年度', message: '已出列的村须填写出列年度' });
      if (input.certifiedPopulation !== undefined && input.certifiedPopulation !== null && input.certifiedPopulation < 0)
        fields.push({ field: 'certifiedPopulation', label: '公安认定总人口', message: '不能为负数' });
      if (fields.length) throw validationError(fields);
      const profileBefore = await repo.villageProfile(code);
      const ok = await repo.saveVillageProfile(
        {
          regionCode: code,
          poorVillage: input.poorVillage,
          identifiedYear: input.identifiedYear ?? null,
          exited: input.exited,
          exitYear: input.exitYear ?? null,
          certifiedPopulation: input.certifiedPopulation ?? null,
          populationYear: input.populationYear ?? null,
          specialtyIndustries: (input.specialtyIndustries ?? []).map((s) => s.trim()).filter(Boolean),
          facilities: input.facilities ?? {},
          infrastructureImproved: !!input.infrastructureImproved,
          publicServicesImproved: !!input.publicServicesImproved,
        },
        input.version,
      );
      if (!ok) throw new AppError('STALE_VERSION', '该村信息已被他人修改，请刷新后重试');
      await audit.record(auth, 'village', 0, profileBefore ? 'update' : 'create', snapshotOf('village', profileBefore), snapshotOf('village', await repo.villageProfile(code)), { regionCode: code });
      return villageView(auth, code);
    },
    /** 出列 inside a transaction (the village-exit procedure's last step): the profile as read there, marked exited. */
    async markVillageExitedIn(handle: Tx, auth: Auth, code: string, exitYear: number) {
      requirePermission(auth, 'procedures.handle');
      const tx = repoIn(handle);
      const region = await villageIn(tx, auth, code);
      const profile = await tx.villageProfile(code);
      if (!profile?.poorVillage) throw new AppError('CONFLICT', `${region.name}不是贫困村，无需办理出列`);
      if (profile.exited) throw new AppError('CONFLICT', `${region.name}已于 ${profile.exitYear} 年出列`);
      const { version, ...values } = profile;
      if (!(await tx.saveVillageProfile({ ...values, exited: true, exitYear }, version))) throw new AppError('STALE_VERSION', '该村信息已被他人修改，请刷新后重试');
      await audit.record(auth, 'village', 0, 'update', snapshotOf('village', profile), snapshotOf('village', await tx.villageProfile(code)), { regionCode: code });
    },
    async saveVillageYear(auth: Auth, code: string, year: number, input: VillageYearInput): Promise<Village> {
      await transaction((_r, tx) => this.saveVillageYearIn(tx, auth, code, year, input));
      return villageView(auth, code);
    },
    /**
     * A village's year figures (村集体经济收入, 脱贫规划) inside a transaction: refused while a report locks the year (报送),
     * unless it applies an approved correction request (`how.correction`, decided by whoever may approve reports).
     */
    async saveVillageYearIn(handle: Tx, auth: Auth, code: string, year: number, input: VillageYearInput, how: YearWrite = {}): Promise<void> {
      requirePermission(auth, how.correction === undefined ? 'registry.write' : 'reports.approve');
      const tx = repoIn(handle);
      await villageIn(tx, auth, code);
      await requireYearOpen({ yearLock }, handle, code, year, how);
      const yearBefore = (await tx.villageYears(code)).find((y) => y.year === year);
      await tx.saveVillageYear({ regionCode: code, year, collectiveIncome: input.collectiveIncome ?? null, plannedHouseholds: input.plannedHouseholds ?? null, plannedPersons: input.plannedPersons ?? null });
      const after = snapshotOf('village', (await tx.villageYears(code)).find((y) => y.year === year));
      await audit.record(auth, 'village', 0, yearBefore ? 'update' : 'create', snapshotOf('village', yearBefore), after && how.correction !== undefined ? { ...after, correction: how.correction } : after, { regionCode: code });
    },
    trialVillage(input: Parameters<typeof villageExit>[0], thresholds?: Partial<VillageExitParams>) {
      return villageExit(input, villageExitParams(thresholds));
    },
  };
}
