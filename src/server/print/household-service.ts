/**
 * The household forms as PDF (issue 12): 扶贫手册, 贫困户登记表, 明白卡, 脱贫光荣证, and a village's handbooks in one PDF.
 * Every record is read through its owning service with the user's auth — the registry's household (scope, a
 * 帮扶责任人's own households, ID numbers masked), pairing's helpers and visits (only with pairing.read), the
 * procedure's certificate — so another scope's household is 404 here as it is in JSON, before anything is rendered.
 */
import QRCode from 'qrcode';
import { applicableLine } from '../../domain/registry/poverty-lines';
import { SCOPE_LABELS } from '../../domain/registry/poverty-lines';
import { isoDate } from '../../domain/shared/dates';
import { AppError } from '../../domain/shared/errors';
import { can, type Auth } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { PairingService } from '../pairing/service';
import type { ProceduresService } from '../procedures/service';
import type { RegistryService } from '../registry/service';
import type { HouseholdMeasures } from '../../contract/measures';
import { html, printDocument, type Html } from './html';
import type { PdfRenderer } from './pdf';
import { canMergePdfs, pdfChunks } from './household-merge';
import { cardsHtml, CARD_CSS, type CardData } from './household-card';
import { certificateHtml, CERTIFICATE_CSS } from './household-certificate';
import { handbookHtml, handbookTitle } from './household-handbook';
import type { BenefitsSheet } from './handbook-benefits';
import type { HouseholdBenefits } from '../../contract/benefits';
import { registrationHtml, registrationTitle, REGISTRATION_CSS } from './household-registration';
import { HOUSEHOLD_CSS, lineVerdict, villageName, type HouseholdSheet, type IncomeYear, type SignatureImage } from './household-sheet';

export interface HouseholdPrintDeps {
  registry: RegistryService;
  pairing: PairingService;
  procedures: ProceduresService;
  pdf: PdfRenderer;
  now: () => Date;
  // issue 15: benefits — the household's 政策享受 (read with the user's auth), for the handbook's section.
  benefits?: (auth: Auth, id: number) => Promise<HouseholdBenefits>;
  /** issue 15: the household's 帮扶措施 and plan (the measures service). */
  measures?: (auth: Auth, id: number) => Promise<HouseholdMeasures>;
  /** Households rendered per Chromium document when a village's handbooks are joined from chunks (default 50). */
  chunkHouseholds?: number;
}

/** Signature images embedded up to this size each (a larger file is named, not embedded). */
export const MAX_EMBEDDED_IMAGE = 2 * 1024 * 1024;
/** A village's handbooks in one PDF: at most this many households (a village has a few hundred at most). */
export const MAX_BATCH_HOUSEHOLDS = 1500;
/** Households read per page of the registry's search, and rendered per chunk of HTML. */
const PAGE = 100;

const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function makeHouseholdPrintService({ registry, pairing, procedures, pdf, now, chunkHouseholds = 50, benefits, measures }: HouseholdPrintDeps) {
  const CHUNK = chunkHouseholds;
  /** Everything a household's forms print, as the user may see it. */
  async function sheet(auth: Auth, id: number): Promise<BenefitsSheet> {
    const household = await registry.household(auth, id);
    const lines = await registry.lines();
    const incomes: IncomeYear[] = household.incomes.map((inc) => {
      const line = applicableLine(lines, inc.year, household.villageCode);
      return {
        ...inc,
        line: line ? { year: line.year, scope: SCOPE_LABELS[line.scope], yuan: line.yuan, source: line.source } : null,
        verdict: line ? lineVerdict(inc.result, line.yuan) : null,
      };
    });
    const signatures: Record<number, SignatureImage[]> = {};
    let helpers: HouseholdSheet['pairing'] = null;
    if (can(auth, 'pairing.read')) {
      const p = await pairing.household(auth, id);
      helpers = { assignments: p.assignments, notes: p.notes, visits: p.visits };
      for (const v of p.visits) {
        for (const f of v.attachments) {
          const embed = EMBEDDABLE.has(f.mime) && f.size <= MAX_EMBEDDED_IMAGE;
          const dataUrl = embed ? `data:${f.mime};base64,${Buffer.from((await pairing.signature(auth, f.id)).content).toString('base64')}` : null;
          (signatures[v.id] ??= []).push({ fileName: f.fileName, dataUrl });
        }
      }
    }
    // The registry masks its members already; the helpers' and visits' texts are masked here too (a visit's content
    // may quote an ID number). The signature images are bytes, not text: kept apart from the masking walk.
    const measuresOf = measures && can(auth, 'registry.read') ? await measures(auth, id) : null;
    const masked = maskFor(auth, { household, incomes, pairing: helpers, measures: measuresOf });
    const benefitsOf = benefits && can(auth, 'registry.read') ? await benefits(auth, id) : null;
    return { ...masked, signatures, printedOn: isoDate(now()), benefits: benefitsOf };
  }

  const render = (title: string, css: string, body: Html, landscape = false) => pdf.render(printDocument({ title, css, body, landscape }), { paper: 'A4', landscape });

  async function qrCard(s: HouseholdSheet, origin: string): Promise<CardData> {
    const url = `${origin.replace(/\/+$/, '')}/registry/households/${s.household.id}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { sheet: s, url, qrSvg };
  }

  return {
    sheet,

    async handbookPdf(auth: Auth, id: number) {
      const s = await sheet(auth, id);
      return { pdf: await render(handbookTitle(s), HOUSEHOLD_CSS, handbookHtml(s)), title: handbookTitle(s), villageCode: s.household.villageCode };
    },

    async registrationPdf(auth: Auth, id: number) {
      const s = await sheet(auth, id);
      return { pdf: await render(registrationTitle(s), HOUSEHOLD_CSS + REGISTRATION_CSS, registrationHtml(s)), title: registrationTitle(s), villageCode: s.household.villageCode };
    },

    /** 明白卡 of one household; `origin` is the web's address (the QR code opens `<origin>/registry/households/<id>`). */
    async cardPdf(auth: Auth, id: number, origin: string) {
      const s = await sheet(auth, id);
      const title = `明白卡（户编号 ${s.household.number}）`;
      return { pdf: await render(title, HOUSEHOLD_CSS + CARD_CSS, cardsHtml([await qrCard(s, origin)])), title, villageCode: s.household.villageCode };
    },

    /** The 脱贫光荣证 of a completed exit procedure: one A4 landscape page. */
    async certificatePdf(auth: Auth, procedureId: number) {
      const c = await procedures.certificate(auth, procedureId);
      const title = `脱贫光荣证（${c.certificateNo}）`;
      return { pdf: await render(title, CERTIFICATE_CSS, certificateHtml(c), true), title, certificate: c };
    },

    /**
     * Every handbook of a village in one PDF, each household's sheets after the last's: the households the registry's
     * search finds in the village for the user (a 帮扶责任人's own only), read `PAGE` at a time and turned into HTML as
     * they are read (only the HTML is kept, not the records), rendered `CHUNK` households at a time and joined.
     */
    async villageHandbooksPdf(auth: Auth, villageCode: string, q: { status?: string } = {}) {
      const village = await registry.village(auth, villageCode);
      const first = await registry.search(auth, { region: villageCode, status: q.status, page: 1, pageSize: PAGE });
      if (first.total === 0) throw new AppError('NOT_FOUND', `${villageName(village.region.name)}没有${q.status ? `“${q.status}”的` : ''}贫困户可打印`);
      if (first.total > MAX_BATCH_HOUSEHOLDS) throw new AppError('VALIDATION', `一次最多打印 ${MAX_BATCH_HOUSEHOLDS} 户的扶贫手册，本村有 ${first.total} 户，请按状态分批打印`, { fields: [{ field: 'status', label: '状态', message: '请选择状态分批打印' }] });
      const name = villageName(village.region.name);
      const title = (n: number) => `${name}扶贫手册（${n} 户）`;
      // Chunks of CHUNK households rendered one after another and joined (Chromium's memory bounded by one chunk);
      // without pdfunite, one document.
      const chunked = canMergePdfs() && first.total > CHUNK;
      const chunks = chunked ? await pdfChunks() : null;
      try {
        let parts: Html[] = [];
        let printed = 0;
        const flush = async () => {
          if (!parts.length || !chunks) return;
          await chunks.add(await render(title(first.total), HOUSEHOLD_CSS, html`${parts}`));
          parts = [];
        };
        let page = first;
        for (let n = 1; ; n++) {
          for (const hit of page.items) {
            parts.push(handbookHtml(await sheet(auth, hit.id)));
            printed += 1;
            if (parts.length >= CHUNK) await flush();
          }
          if (n * PAGE >= page.total || page.items.length === 0) break;
          page = await registry.search(auth, { region: villageCode, status: q.status, page: n + 1, pageSize: PAGE });
        }
        await flush();
        const pdfOut = chunks ? await chunks.join() : await render(title(printed), HOUSEHOLD_CSS, html`${parts}`);
        return { pdf: pdfOut, title: title(printed), households: printed, villageName: name };
      } finally {
        await chunks?.cleanup();
      }
    },
  };
}

export type HouseholdPrintService = ReturnType<typeof makeHouseholdPrintService>;
