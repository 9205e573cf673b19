import { getMDXComponent } from "mdx-bundler/client";
import type { ReactNode } from "react";
import { Callout, type CalloutType } from "@/components/mdx/callout";
import { Config } from "@/components/mdx/config";
import { ConfigTable } from "@/components/mdx/config-table";
import { Diagram } from "@/components/mdx/diagram";
import { Quiz } from "@/components/quiz/quiz";
import { Simulation } from "@/components/sim/simulation";
import type { Dictionary, Locale } from "@/lib/i18n";

/** Renders compiled MDX with the components lessons may use (the list the compiler enforces). */
export function LessonBody({ code, lesson, locale, t }: { code: string; lesson: string; locale: Locale; t: Dictionary }) {
  const Content = getMDXComponent(code);
  const components = {
    Simulation: ({ preset }: { preset: string }) => <Simulation preset={preset} locale={locale} t={t} />,
    Quiz: () => <Quiz lesson={lesson} locale={locale} t={t} lazy />,
    Callout: ({ type, title, children }: { type: CalloutType; title?: string; children: ReactNode }) => (
      <Callout type={type} title={title} label={t.callout[type]}>
        {children}
      </Callout>
    ),
    ConfigTable: ({ names }: { names: string[] }) => <ConfigTable names={names} t={t} />,
    Config: ({ name }: { name: string }) => <Config name={name} t={t} />,
    Diagram: ({ name }: { name: string }) => <Diagram name={name} locale={locale} />,
  };
  return <Content components={components} />;
}
