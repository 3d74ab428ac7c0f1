import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "HSM console", template: "%s · HSM console" },
  description: "Users, roles, token-sign MFA and quorum approvals for CloudHSM-style clusters.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
