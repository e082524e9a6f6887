// The HUD's strings. French uses a no-break space before ':' and inside « » as French
// typography asks; the DejaVu glyph ranges (render/ui_font.cpp) cover every character here.
#include "app/hud_strings.h"

#include <array>
#include <cassert>

namespace praxis::app {
namespace {

struct Row {
  HudText id;
  const char* nl;
  const char* fr;
  const char* en;
};

// clang-format off
constexpr Row kRows[] = {
  {HudText::StepOfCount, "Stap {1} van {2}", "Étape {1} sur {2}", "Step {1} of {2}"},
  {HudText::StepNumber, "Stap {1}", "Étape {1}", "Step {1}"},
  {HudText::StepsDone, "{1} van {2} stappen klaar", "{1} étapes sur {2} terminées", "{1} of {2} steps done"},
  {HudText::Hint, "Tip", "Astuce", "Hint"},
  {HudText::Fault, "Fout", "Erreur", "Mistake"},
  {HudText::FaultMajor, "Ernstige fout", "Erreur grave", "Serious mistake"},
  {HudText::FaultCritical, "Kritieke veiligheidsfout", "Faute de sécurité critique", "Critical safety fault"},
  {HudText::Acknowledge, "Begrepen (Enter)", "Compris (Entrée)", "Understood (Enter)"},
  {HudText::Time, "Tijd", "Temps", "Time"},
  {HudText::HelpAndMenu, "F1 hulp · Esc menu", "F1 aide · Échap menu", "F1 help · Esc menu"},
  {HudText::Controls, "Bediening", "Commandes", "Controls"},
  {HudText::CloseHelp, "Sluiten (F1)", "Fermer (F1)", "Close (F1)"},
  {HudText::Paused, "Pauze", "Pause", "Paused"},
  {HudText::Resume, "Verder", "Reprendre", "Resume"},
  {HudText::Restart, "Opnieuw beginnen", "Recommencer", "Restart"},
  {HudText::Language, "Taal", "Langue", "Language"},
  {HudText::TextSize, "Tekstgrootte", "Taille du texte", "Text size"},
  {HudText::TextSmall, "Klein", "Petit", "Small"},
  {HudText::TextNormal, "Normaal", "Normal", "Normal"},
  {HudText::TextLarge, "Groot", "Grand", "Large"},
  {HudText::Quit, "Stoppen", "Quitter", "Quit"},
  {HudText::QuitCountsAsStopped, "Wie stopt, is niet geslaagd: de poging telt als onderbroken.",
   "Quitter compte comme une tentative interrompue, non réussie.",
   "Quitting ends the attempt as stopped, not passed."},
  {HudText::Passed, "Geslaagd", "Réussi", "Passed"},
  {HudText::NotPassed, "Niet geslaagd", "Non réussi", "Not passed"},
  {HudText::EndCompleted, "Alle stappen zijn afgewerkt.", "Toutes les étapes sont terminées.", "All steps are done."},
  {HudText::EndCriticalFault, "Gestopt na een kritieke veiligheidsfout.", "Arrêté après une faute de sécurité critique.",
   "Stopped after a critical safety fault."},
  {HudText::EndTimeLimit, "De tijd is om.", "Le temps est écoulé.", "Time is up."},
  {HudText::EndAborted, "De poging werd onderbroken.", "La tentative a été interrompue.", "The attempt was stopped."},
  {HudText::ScoreLine, "Score: {1} van {2} (geslaagd vanaf {3})", "Score\u00a0: {1} sur {2} (réussi à partir de {3})",
   "Score: {1} of {2} (pass mark {3})"},
  {HudText::Mistakes, "Fouten", "Erreurs", "Mistakes"},
  {HudText::NoMistakes, "Geen fouten.", "Aucune erreur.", "No mistakes."},
  {HudText::PenaltyPoints, "−{1} punten", "−{1}\u00a0points", "−{1} points"},
  {HudText::OpenReport, "Rapport openen", "Ouvrir le rapport", "Open the report"},
  {HudText::Close, "Afsluiten", "Fermer", "Close"},
  {HudText::SayTo, "Zeg tegen {1}:", "Dire à {1} :", "Say to {1}:"},
  {HudText::Say, "Zeg:", "Dire :", "Say:"},
  {HudText::SayCancel, "T: sluiten", "T : fermer", "T: close"},
};
// clang-format on
static_assert(std::size(kRows) == static_cast<std::size_t>(HudText::Count),
              "every HudText needs its row");

int column(std::string_view language) {
  if (language.starts_with("nl")) return 0;
  if (language.starts_with("fr")) return 1;
  return 2;
}

}  // namespace

std::string hudText(HudText text, std::string_view language,
                    std::initializer_list<std::string_view> args) {
  const Row& row = kRows[static_cast<std::size_t>(text)];
  assert(row.id == text && "kRows is in HudText order");
  const int c = column(language);
  std::string out = c == 0 ? row.nl : c == 1 ? row.fr : row.en;
  int n = 1;
  for (const auto arg : args) {
    const std::string marker = "{" + std::to_string(n++) + "}";
    if (const auto at = out.find(marker); at != std::string::npos)
      out.replace(at, marker.size(), arg);
  }
  return out;
}

std::string_view languageName(std::string_view language) {
  switch (column(language)) {
    case 0: return "Nederlands";
    case 1: return "Français";
    default: return "English";
  }
}

}  // namespace praxis::app
