import type { NotificationItem, NotificationKind, NotificationPage } from '../../contract/notifications';
import type { Permission } from '../../domain/auth/permissions';
import { AppError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import type { NotificationRow, NotificationsRepo } from './repo';

/** What lands on a list: its kind, the line the bell shows, and the web path that opens it. */
export interface Notice {
  kind: NotificationKind;
  title: string;
  link: string;
  /** The user whose action it was: not told of their own doing. */
  from?: number;
}

/**
 * How a feature tells users that something landed on their list (issue 11: “In-app notifications (a bell with unread
 * count) when something lands on my list”), taken by the features as a dependency wired in services.ts. The
 * recipients are worked out here from the accounts (the auth service answers): named users, a helper's accounts, or
 * the accounts holding a permission whose office covers a region or one of several (of one level when given). Sent after the feature's
 * own transaction committed: a notification lost to a crash loses no record, and a failed send fails nothing.
 */
export interface Notifier {
  users(userIds: readonly number[], notice: Notice): Promise<void>;
  helper(helperId: number, notice: Notice): Promise<void>;
  holders(permission: Permission, where: { region: string | string[]; level?: number }, notice: Notice): Promise<void>;
}

export interface NotificationsDeps {
  repo: NotificationsRepo;
  now: () => Date;
  recipients: {
    usersHolding: (permission: Permission, where: { region: string | string[]; level?: number }) => Promise<number[]>;
    usersOfHelper: (helperId: number) => Promise<number[]>;
  };
  /** Told of a send that failed (the feature's action has committed and answers regardless). */
  onError?: (err: unknown) => void;
}

const itemOf = (r: NotificationRow): NotificationItem => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  title: r.title,
  link: r.link,
  createdAt: new Date(r.createdAt).toISOString(),
  readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
});

export function makeNotificationsService(deps: NotificationsDeps) {
  const { repo, now, recipients } = deps;

  async function send(userIds: readonly number[], n: Notice): Promise<void> {
    try {
      const at = now();
      await repo.insert([...new Set(userIds)].filter((u) => u !== n.from).map((userId) => ({ userId, kind: n.kind, title: n.title.slice(0, 200), link: n.link.slice(0, 200), createdAt: at })));
    } catch (err) {
      deps.onError?.(err);
    }
  }

  const notifier: Notifier = {
    users: (ids, n) => send(ids, n),
    helper: async (helperId, n) => send(await recipients.usersOfHelper(helperId), n),
    holders: async (permission, where, n) => send(await recipients.usersHolding(permission, where), n),
  };

  return {
    notifier,

    /** The caller's own notifications, newest first, with their unread count (the bell). */
    async list(auth: Auth, q: { unread?: string; page: number; pageSize: number }): Promise<NotificationPage> {
      const { items, total, unread } = await repo.list({ userId: auth.userId, unread: q.unread !== undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(itemOf), total, page: q.page, pageSize: q.pageSize, unread };
    },
    /** Marks one of the caller's notifications read (another user's is not there: 404). */
    async markRead(auth: Auth, id: number): Promise<void> {
      if (!(await repo.markRead(auth.userId, id, now()))) throw new AppError('NOT_FOUND', `通知不存在（编号 ${id}）`);
    },
    async markAllRead(auth: Auth): Promise<{ marked: number }> {
      return { marked: await repo.markAllRead(auth.userId, now()) };
    },
  };
}
export type NotificationsService = ReturnType<typeof makeNotificationsService>;
