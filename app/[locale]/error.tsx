"use client";
import { useParams } from "next/navigation";

// Kept inline: importing the dictionaries here would add both languages to every page's bundle.
const TEXT = {
  en: { title: "Something went wrong", body: "This page could not be shown. Your progress is saved. Try again, and if it keeps failing, report the error id below.", retry: "Try again", id: "Error id" },
  zh: { title: "出错了", body: "这个页面暂时无法显示，你的学习进度已保存。请重试；如果一直失败，请报告下面的错误编号。", retry: "重试", id: "错误编号" },
};

/** Shown instead of a blank page when rendering fails on the server or in the browser. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale?: string }>();
  const t = TEXT[params?.locale === "zh" ? "zh" : "en"];
  return (
    <div role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error.digest && (
        <p className="meta">
          {t.id}: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
