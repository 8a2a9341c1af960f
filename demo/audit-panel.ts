import { type AuditRow, auditFixture, parseFixture } from '../src/index.js';

/** The relative error below which a quantity counts as reproduced (the CLI's default --tol). */
export const AUDIT_TOLERANCE = 1e-10;

export interface AuditOutcome {
  readonly file: string;
  readonly rows: AuditRow[] | null;
  readonly error: string | null;
}

/** Audits a fixture-format JSON text: every quantity's error, or the one-line reason it cannot be read. */
export function auditText(file: string, text: string): AuditOutcome {
  try {
    return { file, rows: auditFixture(parseFixture(JSON.parse(text))), error: null };
  } catch (e) {
    return { file, rows: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export function renderAudit(container: HTMLElement, outcome: AuditOutcome): void {
  container.replaceChildren();
  const heading = document.createElement('p');
  if (outcome.rows === null) {
    heading.className = 'bad';
    heading.textContent = `${outcome.file}: ${outcome.error}`;
    container.append(heading);
    return;
  }
  const worst = Math.max(...outcome.rows.map((r) => r.error));
  heading.className = worst < AUDIT_TOLERANCE ? 'good' : 'bad';
  heading.textContent = `${outcome.file}: ${outcome.rows.length} quantities, max relative error ${worst.toExponential(2)} (tolerance ${AUDIT_TOLERANCE})`;
  const list = document.createElement('dl');
  for (const row of outcome.rows) {
    const item = document.createElement('div');
    const name = document.createElement('dt');
    name.textContent = row.quantity;
    const error = document.createElement('dd');
    error.textContent = row.error.toExponential(2);
    error.className = row.error < AUDIT_TOLERANCE ? 'good' : 'bad';
    item.append(name, error);
    list.append(item);
  }
  container.append(heading, list);
}
