import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>404</h1>
      <p>This page does not exist. · 页面不存在。</p>
      <p>
        <Link href="/">Lossless</Link>
      </p>
    </>
  );
}
