// Internal to the editor: fields that turn a finished edit into one command, and pickers
// that offer only valid choices (existing ids, their states, accepting sockets, steps).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/editor_ui.h"
#include "core/localized_text.h"
#include "core/math.h"

namespace praxis::app {

/// A text field showing `current`; returns true with `out` once an edit is finished.
bool editText(EditorMode::Ui& ui, const char* label, const std::string& current, std::string& out,
              bool multiline = false);
/// One field per language of the scenario (nl-BE, fr-BE, en), a missing one marked; each
/// finished edit becomes a set_text command on `target`/`path`.
void editTexts(PanelContext& c, const char* label, const core::LocalizedText& text,
               const std::string& target, const std::string& path, bool multiline = false);
/// A number typed into a field (`integer`: whole numbers only) showing `current`; a committed
/// edit becomes one set command on `target`/`path`, a bad number goes to the status line. The
/// field is recorded as "<target>/<path>" for scripted input.
void editNumber(PanelContext& c, const char* label, double current, const std::string& target,
                const std::string& path, bool integer = false);
/// A checkbox whose click sets `target`/`path` to true or false.
void editFlag(PanelContext& c, const char* label, bool current, const std::string& target, const std::string& path);
/// Three numbers dragged or typed; true with `out` once the gesture ends (one command per
/// drag, not one per frame).
bool editVec3(EditorMode::Ui& ui, const char* label, const core::Vec3& current, core::Vec3& out,
              float speed, const char* format);
/// A combo of `choices` (with "" shown as `none` when given); true with `out` on a pick.
bool pickId(const char* label, const std::string& current, const std::vector<std::string>& choices,
            std::string& out, const char* none = nullptr);
/// Ids of the objects for which `keep` is true, in file order.
std::vector<std::string> objectIds(const scenario::ScenarioDef& def,
                                   const std::function<bool(const scenario::ObjectDef&)>& keep);
/// The scenario's languages (nl-BE, fr-BE, en when it declares none).
std::vector<std::string> languagesOf(const scenario::ScenarioDef& def);

}  // namespace praxis::app
