// Progress toward a requirement: a labelled meter with the amounts in words beside it.
import { useId, type ReactNode } from 'react';

export interface ProgressBarProps {
  label: ReactNode;
  value: number;
  max: number;
  detail?: ReactNode;
  met?: boolean;
}

export function ProgressBar({ label, value, max, detail, met }: ProgressBarProps) {
  const id = useId();
  const clamped = Math.max(0, Math.min(value, max > 0 ? max : value));
  return (
    <div className={met ? 'progress progress-met' : 'progress'}>
      <div className="progress-label" id={id}>
        {label}
      </div>
      <meter aria-labelledby={id} min={0} max={max > 0 ? max : 1} value={max > 0 ? clamped : 1} />
      {detail && <div className="progress-detail">{detail}</div>}
    </div>
  );
}
