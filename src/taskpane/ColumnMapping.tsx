/**
 * 列对应 (loaded on demand, under each ledger in 台账识别): the column the engine recognised for each
 * field, with a drop-down to pick another column of the sheet or 无. Choices are remembered in the
 * workbook as `columnOverrides[sheet][field] = column letter` ("" = 无) and apply from the next check.
 */
import { useId } from 'react';
import { Caption1, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { LedgerInfo } from './backend';
import { useStrings } from './i18n-context';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer', color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase200 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(90px, 1fr) minmax(120px, 1.4fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
  },
  label: { overflowWrap: 'anywhere' },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: { color: tokens.colorNeutralForeground3, display: 'block', marginTop: tokens.spacingVerticalXS },
});

export interface ColumnMappingProps {
  ledger: LedgerInfo;
  /** This sheet's overrides: field → column letter ("" = 无). */
  overrides: Record<string, string>;
  disabled: boolean;
  onChange: (overrides: Record<string, string>) => void;
}

export default function ColumnMapping({ ledger, overrides, disabled, onChange }: ColumnMappingProps) {
  const t = useStrings();
  const styles = useStyles();
  const id = useId();
  const fields = ledger.fields ?? [];
  const choices = ledger.choices ?? [];
  const changed = fields.filter((f) => f.field in overrides && overrides[f.field] !== f.column).length;

  const set = (field: string, detected: string, column: string) => {
    const next = { ...overrides };
    if (column === detected) delete next[field];
    else next[field] = column;
    onChange(next);
  };

  return (
    <details className={styles.details} data-testid={`mapping-${ledger.sheet}`}>
      <summary className={styles.summary}>{t.ledgers.mapping(fields.length, changed)}</summary>
      <div className={styles.grid}>
        {fields.map((f) => {
          const value = f.field in overrides ? overrides[f.field] : f.column;
          const isChanged = value !== f.column;
          const selectId = `${id}-${f.field}`;
          return (
            <div key={f.field} style={{ display: 'contents' }}>
              <label htmlFor={selectId} className={isChanged ? `${styles.label} ${styles.changed}` : styles.label}>
                {f.label}
              </label>
              <Select id={selectId} size="small" value={value} disabled={disabled} onChange={(_, d) => set(f.field, f.column, d.value)}>
                <option value="">{t.ledgers.mappingNone}</option>
                {choices.map((c) => (
                  <option key={c.column} value={c.column}>
                    {c.header ? `${c.column} · ${c.header}` : c.column}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
      </div>
      <Caption1 className={styles.hint}>{t.ledgers.mappingHint}</Caption1>
    </details>
  );
}
