/** The errors of a refused save that no field shows, one “label：message” line each. */
export function FormErrorList({ errors, indent = 20 }: { errors: ReadonlyArray<{ label: string; message: string }>; indent?: number }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: indent }}>
      {errors.map((e, i) => (
        <li key={i}>
          {e.label}：{e.message}
        </li>
      ))}
    </ul>
  );
}
