/** The one line under a form that says, in Vietnamese, why the last action was refused; nothing when all is well. */
export function FormError({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
