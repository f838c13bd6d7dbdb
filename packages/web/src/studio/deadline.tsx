/**
 * An assignment's deadline as the studio shows it: the date, and "overdue" in
 * words (not colour alone) when it has passed with the work still to do — the
 * API derives that with core's rule.
 */
export function Deadline({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  if (deadline === null) return <span class="subtle">no deadline</span>;
  return (
    <>
      <time dateTime={deadline}>{deadline}</time>
      {overdue && (
        <>
          {' '}
          <strong class="overdue">overdue</strong>
        </>
      )}
    </>
  );
}
