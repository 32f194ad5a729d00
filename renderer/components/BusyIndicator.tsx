/** An indeterminate progress bar with its text, for work whose length is not known in advance. */
export function BusyIndicator({ label }: { label: string }) {
  return (
    <div className="busy">
      <progress className="progress" aria-label={label} />
      <p className="busy-text" role="status">
        {label}
      </p>
    </div>
  );
}
