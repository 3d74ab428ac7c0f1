import { Server, Users } from "lucide-react";
import type { Metadata } from "next";
import { AddHsmForm, RemoveHsmButton } from "@/components/cluster/hsm-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/dates";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requirePageActor } from "@/lib/auth/browser";
import { describeCluster } from "@/lib/clusters/read";

export const metadata: Metadata = { title: "Cluster" };

export default async function ClusterPage() {
  const ctx = await requirePageActor();
  const { cluster, hsms, users, admins } = await describeCluster(ctx);
  const admin = ctx.actor.role === "admin";
  return (
    <>
      <PageHeader title={cluster.name} description={<>The HSMs every token file has a token for, and the cluster&apos;s accounts. Cluster id <span className="font-mono">{cluster.id}</span>.</>} />
      <div className="space-y-6">
        <Card title={`HSMs (${hsms.length})`} icon={Server} description="Every token file carries one token per HSM, in this order.">
          <ScrollRegion label="HSMs of this cluster">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">HSMs of this cluster, in token order</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-4">Token</th>
                  <th scope="col" className="py-2 pr-4">HSM id</th>
                  <th scope="col" className="py-2 pr-4">Label</th>
                  <th scope="col" className="py-2 pr-4">Added</th>
                  {admin && <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {hsms.map((h, i) => (
                  <tr key={h.id}>
                    <td className="py-2 pr-4 tabular-nums">{i + 1}</td>
                    <td className="py-2 pr-4 font-mono">{h.id}</td>
                    <td className="py-2 pr-4">{h.label}</td>
                    <td className="py-2 pr-4">{formatDate(h.createdAt)}</td>
                    {admin && <td className="py-2 text-right"><RemoveHsmButton hsmId={h.id} label={h.label} disabled={hsms.length <= 1} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {admin && <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800"><AddHsmForm /></div>}
        </Card>
        <Card title="Accounts" icon={Users}>
          <p className="text-sm">{users} users, of whom {admins} admin{admins === 1 ? "" : "s"}.</p>
        </Card>
      </div>
    </>
  );
}
