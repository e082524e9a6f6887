#include "app/controls_help.h"

#include <array>
#include <cctype>

namespace praxis::app {
namespace {

constexpr std::array<ControlHelpRow, 13> kEnglish{{
    {"Mouse", "look around (the cross in the middle points)"},
    {"W A S D / arrow keys", "walk"},
    {"C / Ctrl, K, X", "crouch, kneel, stand up (the same key again also stands up)"},
    {"Left click / Enter",
     "reach for what the cross points at: take it (click again to put it down; near a place "
     "where it fits it snaps in, shown as a ghost), press a button or switch, hold a lever or "
     "dial and drag it"},
    {"Right click / Space", "use the tool in your hand (hold to keep using it)"},
    {"Scroll wheel", "hold the object nearer or farther"},
    {"Q / E, R / F", "turn the object in your hand; with an empty hand: turn and look up or down"},
    {"1 / 2", "use the left or the right hand"},
    {"Tab / Shift+Tab", "look at the next object in view (then Enter acts on it)"},
    {"T, then 1–9 or a click", "say something: the menu of phrases, to the person you face"},
    {"Esc", "pause menu"},
    {"F1", "this help"},
    {"F11", "full screen"},
}};

constexpr std::array<ControlHelpRow, 13> kDutch{{
    {"Muis", "rondkijken (het kruis in het midden wijst aan)"},
    {"W A S D / pijltjestoetsen", "stappen"},
    {"C / Ctrl, K, X", "hurken, knielen, rechtstaan (dezelfde toets nog eens: ook rechtstaan)"},
    {"Linkerklik / Enter",
     "grijpen naar wat het kruis aanwijst: vastnemen (nog eens klikken om los te laten; bij een "
     "plaats waar het past, klikt het vast, getoond als schaduwbeeld), een knop of schakelaar "
     "indrukken, een hendel of draaiknop vasthouden en verslepen"},
    {"Rechterklik / spatiebalk",
     "het gereedschap in je hand gebruiken (ingedrukt houden om door te gaan)"},
    {"Muiswieltje", "het voorwerp dichterbij of verder houden"},
    {"Q / E, R / F",
     "het voorwerp in je hand draaien; met een lege hand: draaien en op- of neerkijken"},
    {"1 / 2", "de linker- of de rechterhand gebruiken"},
    {"Tab / Shift+Tab", "naar het volgende voorwerp in beeld kijken (Enter werkt er dan op)"},
    {"T, dan 1–9 of een klik", "iets zeggen: het menu met zinnen, tegen wie je aankijkt"},
    {"Esc", "pauzemenu"},
    {"F1", "deze hulp"},
    {"F11", "volledig scherm"},
}};

constexpr std::array<ControlHelpRow, 13> kFrench{{
    {"Souris", "regarder autour de soi (la croix au centre vise)"},
    {"W A S D / flèches", "marcher"},
    {"C / Ctrl, K, X",
     "s’accroupir, s’agenouiller, se relever (la même touche à nouveau relève aussi)"},
    {"Clic gauche / Entrée",
     "tendre la main vers ce que vise la croix : le prendre (cliquer à nouveau pour le lâcher ; "
     "près d’un emplacement qui lui convient, il s’y fixe, montré en transparence), appuyer sur "
     "un bouton ou un interrupteur, tenir un levier ou un bouton rotatif et le faire glisser"},
    {"Clic droit / Espace", "utiliser l’outil en main (maintenir pour continuer)"},
    {"Molette", "rapprocher ou éloigner l’objet tenu"},
    {"Q / E, R / F",
     "tourner l’objet en main ; main vide : se tourner, regarder en haut ou en bas"},
    {"1 / 2", "utiliser la main gauche ou la main droite"},
    {"Tab / Maj+Tab", "regarder l’objet suivant en vue (puis Entrée agit dessus)"},
    {"T, puis 1–9 ou un clic", "dire quelque chose : le menu des phrases, à la personne en face"},
    {"Échap", "menu pause"},
    {"F1", "cette aide"},
    {"F11", "plein écran"},
}};

struct MessageTexts {
  std::string_view en, nl, fr;
};

MessageTexts texts(ControlMessageKind kind) {
  switch (kind) {
    case ControlMessageKind::StepCloser:
      return {"Too far away to reach: step closer.", "Te ver om te grijpen: kom dichterbij.",
              "Trop loin pour l’atteindre : approchez-vous."};
    case ControlMessageKind::NoTool:
      return {"There is no tool in this hand.", "Je hebt geen gereedschap in deze hand.",
              "Vous n’avez pas d’outil dans cette main."};
    case ControlMessageKind::NothingInView:
      return {"Nothing to act on in view: turn or walk.",
              "Niets in beeld om te gebruiken: draai of stap.",
              "Rien à utiliser en vue : tournez-vous ou marchez."};
  }
  return {"", "", ""};
}

}  // namespace

std::span<const ControlHelpRow> controlsHelp(std::string_view language) {
  if (language == "nl-BE" || language == "nl") return kDutch;
  if (language == "fr-BE" || language == "fr") return kFrench;
  return kEnglish;
}

KeyLabels keyLabels(const std::function<std::string(char)>& nameOf) {
  KeyLabels labels;
  for (const char letter : std::string_view("WASDQERFCKXT")) {  // the letters the help names
    std::string name = nameOf(letter);
    if (name.empty()) continue;
    // GLFW names a letter key in lower case ("z"); the help writes keys as printed on them.
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (name != std::string(1, letter)) labels.names[letter] = std::move(name);
  }
  return labels;
}

std::string relabelKeys(std::string_view keys, const KeyLabels& labels) {
  const auto word = [&](std::size_t i) {
    return i < keys.size() && (std::isalnum(static_cast<unsigned char>(keys[i])) != 0 ||
                               static_cast<unsigned char>(keys[i]) >= 0x80);
  };
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto it = labels.names.find(keys[i]);
    const bool single = (i == 0 || !word(i - 1)) && !word(i + 1);
    if (it != labels.names.end() && single) {
      out += it->second;
    } else {
      out += keys[i];
    }
  }
  return out;
}

std::string_view controlMessageText(ControlMessageKind kind, std::string_view language) {
  const MessageTexts t = texts(kind);
  if (language == "nl-BE" || language == "nl") return t.nl;
  if (language == "fr-BE" || language == "fr") return t.fr;
  return t.en;
}

}  // namespace praxis::app
