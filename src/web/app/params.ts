import { useParams } from 'react-router-dom';

/** The page's `:id` when it is a record's id (a positive whole number); otherwise undefined (the page says so). */
export function useIdParam(): number | undefined {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
