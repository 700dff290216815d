import type { ReactNode } from 'react';

/** The title and the sentence under it at the top of a sign-in or invitation card. */
export function AuthHeader({ title, subtitle }: { title: ReactNode; subtitle: ReactNode }) {
  return (
    <header className="sign-in__header">
      <h1 className="sign-in__title">{title}</h1>
      <p className="sign-in__subtitle">{subtitle}</p>
    </header>
  );
}
