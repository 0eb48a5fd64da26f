import type { Locale, SpaceState } from '@flexdesk/shared-contracts';
import { SPACE_STATES } from '@flexdesk/shared-contracts';
import type { FloorPlanLabels } from '@flexdesk/client-ui-floor-plan';

type PlanText = Omit<FloorPlanLabels, 'states' | 'plan'> & { plan: string; list: string; view: string; planOf: string };

// TODO(lead): move into messages.de/en.ts (data-access) as book.plan.* keys; kept here because that
// library was being edited concurrently.
const TEXT: Record<Locale, PlanText> = {
  de: {
    view: 'Ansicht',
    plan: 'Plan',
    list: 'Liste',
    planOf: 'Grundriss {floor}',
    description:
      'Pfeiltasten wechseln zum nächsten Platz in dieser Richtung, Eingabe bucht ihn. Plus und Minus zoomen, 0 zeigt den ganzen Plan. Die Liste enthält dieselben Plätze.',
    fit: 'Ganzer Plan',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    legend: 'Legende',
    filteredOut: 'durch Filter ausgeblendet',
  },
  en: {
    view: 'View',
    plan: 'Plan',
    list: 'List',
    planOf: 'Floor plan of {floor}',
    description:
      'Arrow keys move to the nearest space in that direction, Enter books it. Plus and minus zoom, 0 shows the whole plan. The list holds the same spaces.',
    fit: 'Whole plan',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    legend: 'Legend',
    filteredOut: 'hidden by the filters',
  },
};

export function planText(locale: Locale): PlanText {
  return TEXT[locale] ?? TEXT.de;
}

export function planLabels(
  locale: Locale,
  floorName: string,
  stateLabel: (state: SpaceState) => string,
): FloorPlanLabels {
  const text = planText(locale);
  return {
    plan: text.planOf.replace('{floor}', floorName),
    description: text.description,
    states: Object.fromEntries(SPACE_STATES.map((s) => [s, stateLabel(s)])) as Record<SpaceState, string>,
    fit: text.fit,
    zoomIn: text.zoomIn,
    zoomOut: text.zoomOut,
    legend: text.legend,
    filteredOut: text.filteredOut,
  };
}
