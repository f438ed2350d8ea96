// The people of the demo season. In demo mode the sign-in page offers one click per person.
export const demoUsers = [
  { key: "owner", email: "claire.dumas@demo.rebond.example", name: "Claire Dumas", locale: "fr" },
  { key: "organiser", email: "karim.benali@demo.rebond.example", name: "Karim Benali", locale: "fr" },
  { key: "chapterOrganiser", email: "julie.fontaine@demo.rebond.example", name: "Julie Fontaine", locale: "fr" },
  { key: "reviewer", email: "sophie.martin@demo.rebond.example", name: "Sophie Martin", locale: "fr" },
  { key: "checkIn", email: "lucas.petit@demo.rebond.example", name: "Lucas Petit", locale: "fr" },
  { key: "partner", email: "isabelle.moreau@demo.rebond.example", name: "Isabelle Moreau", locale: "fr" },
  { key: "speaker", email: "thomas.leroy@demo.rebond.example", name: "Thomas Leroy", locale: "fr" },
  { key: "volunteer", email: "marie.lefebvre@demo.rebond.example", name: "Marie Lefebvre", locale: "fr" },
  { key: "attendee", email: "emma.girard@demo.rebond.example", name: "Emma Girard", locale: "en" },
] as const;
