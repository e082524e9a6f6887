// ActionSystem: the OpenXR action system of one instance (spec chapter "Input and Haptics"):
// action sets, actions, suggested bindings, attachment, xrSyncActions and the state queries,
// driven by the simulated controllers of the device stream.
//
// The dispatch resolves the session handle and checks the calls' pointers; action and action
// set handles are this class's own (it mints them), so it validates those and every rule of
// the spec about names, paths, types and attachment, and returns the spec's XrResult.
#pragma once

#include <openxr/openxr.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "interaction_profiles.h"
#include "xr_compat.h"
#include "path_table.h"
#include "sim_input_stream.h"

namespace praxis::xrsim {

struct ActionSetData;
struct ActionData;
struct SessionActions;
struct ActiveSet;
struct ActionSlot;

/// What xrSyncActions needs from the session.
struct SyncContext {
  bool focused = false;
  XrTime time = 0;  ///< becomes lastChangeTime of the inputs that changed
  const DeviceState* device = nullptr;
};

class ActionSystem {
 public:
  struct Options {
    /// The profile the simulated controllers take when the application suggested bindings for
    /// it (PRAXIS_XR_SIM_PROFILE); empty: the first suggested one of kProfilePreference.
    std::string preferredProfile;
    /// Where applied and stopped haptics are appended as JSON Lines (PRAXIS_XR_SIM_HAPTICS).
    std::filesystem::path hapticsLog;
    /// Mints the handle values of action sets and actions (the runtime's handle registry);
    /// unset: the objects' addresses.
    std::function<std::uint64_t()> newHandle;
    /// The instance's enabled extensions, and "XR_VERSION_1_1" for an OpenXR 1.1 instance: a
    /// profile of an extension (or of 1.1) needs it.
    std::set<std::string, std::less<>> extensions;
  };
  /// Options from the environment variables named above.
  [[nodiscard]] static Options optionsFromEnvironment();

  explicit ActionSystem(PathTable& paths, Options options = {});
  ~ActionSystem();
  ActionSystem(const ActionSystem&) = delete;
  ActionSystem& operator=(const ActionSystem&) = delete;

  // Handles this instance minted and has not destroyed.
  [[nodiscard]] bool ownsActionSet(XrActionSet set) const;
  [[nodiscard]] bool ownsAction(XrAction action) const;

  XrResult createActionSet(const XrActionSetCreateInfo& info, XrActionSet* out);
  /// Destroys the set and its actions; their handles are appended to `destroyedActions`.
  XrResult destroyActionSet(XrActionSet set, std::vector<XrAction>* destroyedActions = nullptr);
  XrResult createAction(XrActionSet set, const XrActionCreateInfo& info, XrAction* out);
  XrResult destroyAction(XrAction action);
  XrResult suggestBindings(const XrInteractionProfileSuggestedBinding& info);

  XrResult attach(XrSession session, const XrSessionActionSetsAttachInfo& info);
  /// Forget a destroyed session's attachment and state.
  void sessionDestroyed(XrSession session);
  XrResult sync(XrSession session, const XrActionsSyncInfo& info, const SyncContext& context);

  XrResult getBoolean(XrSession session, const XrActionStateGetInfo& info,
                      XrActionStateBoolean* state) const;
  XrResult getFloat(XrSession session, const XrActionStateGetInfo& info,
                    XrActionStateFloat* state) const;
  XrResult getVector2f(XrSession session, const XrActionStateGetInfo& info,
                       XrActionStateVector2f* state) const;
  XrResult getPose(XrSession session, const XrActionStateGetInfo& info,
                   XrActionStatePose* state) const;

  XrResult applyHaptic(XrSession session, const XrHapticActionInfo& info,
                       const XrHapticBaseHeader* feedback, bool focused, std::uint64_t frame);
  XrResult stopHaptic(XrSession session, const XrHapticActionInfo& info, bool focused,
                      std::uint64_t frame);
  /// Every haptic output applied or stopped in `session`, oldest first.
  [[nodiscard]] std::vector<HapticRecord> haptics(XrSession session) const;

  XrResult currentInteractionProfile(XrSession session, XrPath topLevelUserPath,
                                     XrInteractionProfileState* state) const;
  XrResult enumerateBoundSources(XrSession session,
                                 const XrBoundSourcesForActionEnumerateInfo& info,
                                 std::uint32_t capacity, std::uint32_t* count,
                                 XrPath* sources) const;
  XrResult inputSourceLocalizedName(XrSession session,
                                    const XrInputSourceLocalizedNameGetInfo& info,
                                    std::uint32_t capacity, std::uint32_t* count,
                                    char* buffer) const;
  /// Sessions whose current interaction profile changed since the last call: the dispatch
  /// queues XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED for each.
  [[nodiscard]] std::vector<XrSession> takeInteractionProfileChanges();

  /// Checks an XrActionSpaceCreateInfo (pose action, declared subaction path).
  XrResult validateActionSpace(const XrActionSpaceCreateInfo& info) const;
  /// The STAGE pose of an action space's action as bound at the last sync (grip or aim of a
  /// tracked controller), or nothing when it is unbound, inactive or untracked.
  [[nodiscard]] std::optional<StreamPose> locateAction(XrSession session, XrAction action,
                                                       XrPath subactionPath,
                                                       const DeviceState& device) const;

 private:
  [[nodiscard]] ActionSetData* findSet(XrActionSet set) const;
  [[nodiscard]] ActionData* findAction(XrAction action) const;
  [[nodiscard]] const SessionActions* findSession(XrSession session) const;
  XrResult checkQuery(XrSession session, XrAction action, XrPath subactionPath,
                      XrActionType expected, const SessionActions** out, ActionData** actionOut,
                      std::size_t* slot) const;
  /// What every xrGetActionState* checks (both structs' types, the query), then the slot's state.
  XrResult querySlot(XrSession session, const XrActionStateGetInfo& info, XrStructureType stateType,
                     XrStructureType expectedStateType, XrActionType expected, ActionSlot& out) const;
  XrResult activeSets(const SessionActions* data, const XrActionsSyncInfo& info,
                      std::vector<ActiveSet>& active) const;
  XrResult validateBinding(const InteractionProfile& profile,
                           const XrActionSuggestedBinding& b) const;
  void chooseProfiles(SessionActions& session) const;
  void bindActions(SessionActions& session) const;
  XrResult haptic(XrSession session, const XrHapticActionInfo& info, const HapticRecord& record,
                  bool focused);

  PathTable& paths_;
  [[nodiscard]] bool version11() const { return options_.extensions.contains("XR_VERSION_1_1"); }
  /// XR_EXT_dpad_binding, with the XR_KHR_binding_modification it depends on.
  [[nodiscard]] bool dpadEnabled() const {
    return options_.extensions.contains("XR_EXT_dpad_binding") &&
           options_.extensions.contains("XR_KHR_binding_modification");
  }
  /// XR_KHR_binding_modification's chain on a suggestion: each dpad binding checked.
  XrResult validateModifications(const InteractionProfile& profile, const void* next) const;
  XrResult validateDpad(const InteractionProfile& profile, const XrInteractionProfileDpadBindingEXT& dpad) const;
  Options options_;
  bool anyAttached_ = false;
  std::unordered_map<XrActionSet, std::unique_ptr<ActionSetData>> sets_;
  std::unordered_map<XrAction, ActionData*> actions_;
  std::unordered_map<const ActionData*, XrAction> actionHandles_;
  std::unordered_map<const ActionSetData*, XrActionSet> setHandles_;
  template <typename Handle>
  Handle mint(const void* object) const;

  // Destroyed objects stay allocated until the instance goes, so their addresses (the default
  // handle values) are never handed out again and a stale handle stays invalid.
  std::vector<std::unique_ptr<ActionSetData>> destroyedSets_;
  std::vector<std::unique_ptr<ActionData>> destroyedActions_;
  // interaction profile path -> its suggested bindings (the latest call for it wins)
  std::unordered_map<XrPath, std::vector<XrActionSuggestedBinding>> suggestions_;
  std::unordered_map<XrSession, std::unique_ptr<SessionActions>> sessions_;
  std::vector<XrSession> profileChanges_;
};

}  // namespace praxis::xrsim
