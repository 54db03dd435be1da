// A page's frame: its one h1, an optional lead paragraph, and its content.
import { useEffect, type ReactNode } from 'react';

export interface PageProps {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}

export function Page({ title, lead, children }: PageProps) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="page">
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  );
}
