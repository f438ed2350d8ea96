import { departmentName } from "./departments";
import { sinceMonths, type HelpAnswers } from "./answers";

// Routing a request to an association (docs/decisions/045-portail-du-rebond.md): the network's
// rules are data, tried in order; a rule holds when every condition it sets holds, and gives the
// request to the first of its associations that covers the department, speaks the person's
// language (the one they answered in) and has room this week.
// The default rule comes last and always answers (its first association, even full or far).
export type Rule = {
  id: string;
  position: number;
  reasonFr: string;
  reasonEn: string;
  procedures: string[];
  needs: string[];
  companyActive: boolean | null;
  withinMonths: number | null;
  associationIds: string[];
  isDefault: boolean;
};

export type RoutableAssociation = {
  id: string;
  name: string;
  departments: string[];
  languages: string[];
  weeklyCapacity: number;
};

type Answers = Pick<HelpAnswers, "companyActive" | "procedure" | "since" | "needs" | "department"> & {
  locale: string;
};

function ruleHolds(rule: Rule, answers: Answers) {
  if (rule.procedures.length && !rule.procedures.includes(answers.procedure)) return false;
  if (rule.needs.length && !rule.needs.some((need) => answers.needs.includes(need as never))) return false;
  if (rule.companyActive !== null && rule.companyActive !== answers.companyActive) return false;
  if (rule.withinMonths !== null && !(answers.since && sinceMonths[answers.since] <= rule.withinMonths)) return false;
  return true;
}

const covers = (association: RoutableAssociation, department: string) =>
  association.departments.length === 0 || association.departments.includes(department);

// The association, and the one sentence that says why, in both languages; null when the network
// has no association a rule names.
export function routeRequest(
  answers: Answers,
  rules: Rule[],
  associations: RoutableAssociation[],
  // Requests each association received these last seven days.
  weekLoad: Record<string, number>,
) {
  const byId = new Map(associations.map((a) => [a.id, a]));
  const named = (rule: Rule) => rule.associationIds.flatMap((id) => byId.get(id) ?? []);
  const hasRoom = (a: RoutableAssociation) => (weekLoad[a.id] ?? 0) < a.weeklyCapacity;
  const ordered = [...rules].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position);
  const place = departmentName(answers.department);
  const explained = (association: RoutableAssociation, rule: Rule) => ({
    associationId: association.id,
    ruleId: rule.id,
    reasonFr: `${association.name}, parce que : ${rule.reasonFr}, ${place}`,
    reasonEn: `${association.name}, because: ${rule.reasonEn}, ${place}`,
  });
  for (const rule of ordered) {
    if (!rule.isDefault && !ruleHolds(rule, answers)) continue;
    const chosen = named(rule).find(
      (a) => covers(a, answers.department) && a.languages.includes(answers.locale) && hasRoom(a),
    );
    if (chosen) return explained(chosen, rule);
    if (rule.isDefault && named(rule)[0]) return explained(named(rule)[0]!, rule);
  }
  return null;
}
