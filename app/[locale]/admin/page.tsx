import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { requireAdminPage } from "@/components/admin/guard";
import { RoleForm } from "@/components/admin/role-form";
import { pageLocale } from "@/components/layout/locale";
import { formatDate } from "@/components/mock/mock-history";
import { listUsers, userListQuerySchema } from "@/lib/admin";
import { ASSIGNABLE_ROLES, type AssignableRole } from "@/lib/auth";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).admin.title } : {};
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Accounts and their roles, searchable by email; an admin makes learners instructors and back. Admins only. */
export default async function AdminPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await pageLocale(params);
  const me = await requireAdminPage(locale);
  const sp = await searchParams;
  const query = userListQuerySchema.parse({ q: first(sp.q), page: first(sp.page) });
  const { users, total, page, pages } = await listUsers(db, query);
  const a = t.admin;
  const pageHref = (n: number) => `/${locale}/admin?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(n) })}`;
  return (
    <>
      <h1>{a.title}</h1>
      <p className="lead">{a.lead}</p>
      <form method="get" action={`/${locale}/admin`} className="admin-search" role="search">
        <label htmlFor="admin-q">{a.search}</label>{" "}
        <input id="admin-q" name="q" type="search" defaultValue={query.q} maxLength={254} autoComplete="off" />{" "}
        <button type="submit" className="button">
          {a.searchButton}
        </button>
        {query.q && (
          <>
            {" "}
            <Link href={`/${locale}/admin`}>{a.clear}</Link>
          </>
        )}
      </form>
      <p className="meta" data-total={total}>
        {a.count.replace("{n}", String(total))}
      </p>
      {users.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <div className="table-wrap">
          <table aria-label={a.title} className="admin-users">
            <thead>
              <tr>
                <th scope="col">{a.email}</th>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.joined}</th>
                <th scope="col">{a.lastActive}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const assignable = (ASSIGNABLE_ROLES as readonly string[]).includes(u.role) && u.id !== me.userId;
                return (
                  <tr key={u.id} data-user={u.email} data-role={u.role}>
                    <th scope="row">{u.email}</th>
                    <td data-label={a.name}>{u.name ?? ""}</td>
                    <td data-label={a.role}>
                      {assignable ? (
                        <RoleForm userId={u.id} email={u.email} role={u.role as AssignableRole} labels={a} />
                      ) : (
                        <>
                          {a.roles[u.role as keyof typeof a.roles] ?? u.role} <span className="meta">({u.id === me.userId ? a.you : a.adminFixed})</span>
                        </>
                      )}
                    </td>
                    <td data-label={a.joined}>{formatDate(u.createdAt, locale)}</td>
                    <td data-label={a.lastActive}>{u.lastActiveAt ? formatDate(u.lastActiveAt, locale) : a.never}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={a.pages} className="admin-pages">
          {page > 1 && <Link href={pageHref(page - 1)}>{a.previous}</Link>} <span>{a.pageOf.replace("{n}", String(page)).replace("{total}", String(pages))}</span>{" "}
          {page < pages && <Link href={pageHref(page + 1)}>{a.next}</Link>}
        </nav>
      )}
    </>
  );
}
