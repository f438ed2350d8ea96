import { reviewStory } from "./flows";
import { demo, expect, signInAs, signedInRequest, signInPageAs, test } from "./support";

test("a reviewer scores a story in anonymised mode without ever receiving the speaker's identity, and the organiser sees it ranked", async ({
  page,
}) => {
  await signInPageAs(page, demo.reviewer);
  await page.goto("/relecture/failcon-paris-2027");
  await expect(page.getByRole("heading", { name: "Relecture des récits" })).toBeVisible();
  await page.getByRole("link", { name: "Trois ans pour comprendre que personne ne voulait payer" }).click();
  await expect(page.getByText("Relecture anonyme")).toBeVisible();
  await expect(page.getByText("Vous les verrez après avoir donné votre avis.")).toBeVisible();

  // Neither the page nor the data the browser fetches carry the speaker or the company.
  const html = await (await page.request.get(page.url())).text();
  const json = await (await page.request.get(`${new URL(page.url()).pathname}.data`)).text();
  for (const body of [html, json]) {
    expect(body).toContain("Trois ans pour comprendre");
    expect(body).not.toContain("Thomas Leroy");
    expect(body).not.toContain("Cartonéo");
    expect(body).not.toContain("J'accompagne d'autres dirigeants");
  }

  await reviewStory(
    page,
    { "Authenticité du récit": "5", "Utilité des leçons": "4", "Présence sur scène": "3" },
    "Une leçon simple et forte : vendre avant de construire.",
  );
  // Having given their own, the reviewer now sees the organiser's earlier review.
  await expect(page.getByText(/Karim Benali — 3,50/)).toBeVisible();

  const organiser = await signedInRequest(demo.organiser);
  const csv = await (await organiser.get("/organisateur/evenements/failcon-paris-2027/classement.csv")).text();
  // (5×3 + 4×2 + 3×1)/6 = 4,33 and the organiser's 3,50: mean 3,92, median 3,92 (French decimals).
  expect(csv).toContain(
    "Trois ans pour comprendre que personne ne voulait payer;Thomas Leroy;Récit d'échec;Financement;SUBMITTED;2;3,92;3,92",
  );
  await organiser.dispose();
});

test("a score outside 1–5 is refused with a clear message and nothing is saved", async ({ request, page }) => {
  await signInPageAs(page, demo.reviewer);
  await page.goto("/relecture/failcon-paris-2027");
  await page.getByRole("link", { name: "Burn-out à 34 ans, liquidation à 35" }).click();
  await expect(page.getByRole("heading", { name: "Burn-out à 34 ans, liquidation à 35" })).toBeVisible();
  const url = page.url();
  await signInAs(request, demo.reviewer);
  const categories = [...(await (await request.get(url)).text()).matchAll(/name="(score_[^"]+)"/g)].map((m) => m[1]!);
  const form = Object.fromEntries([...new Set(categories)].map((name) => [name, "9"]));
  const response = await request.post(url, { form });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Donnez une note de 1 à 5.");
  // The reviewer's earlier review (5, 4, 4 in the demo season) is untouched.
  await page.reload();
  const checked = page.getByRole("radio", { checked: true });
  await expect(checked).toHaveCount(3);
  expect(await checked.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
    "5",
    "4",
    "4",
  ]);
});
