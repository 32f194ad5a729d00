/** A list of validation problems, each with where it is (a JSON path) and what is wrong. */
export function IssueList({ title, issues }: { title: string; issues: { path: string; message: string }[] }) {
  return (
    <div className="issues" role="alert">
      <p className="issues-title">{title}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.path}-${i}`}>
            {issue.path && <code className="issue-path">{issue.path}</code>} <span>{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
