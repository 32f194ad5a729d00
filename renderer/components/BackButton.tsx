/** "← Quay lại …" at the head of a screen that another screen opened (workspace, report). */
export function BackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <button type="button" className="back-button" onClick={onBack}>
      ← {label}
    </button>
  );
}
