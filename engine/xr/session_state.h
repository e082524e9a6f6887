// The OpenXR session lifecycle as a class fed the runtime's events (xrPollEvent), so the rules
// live in one place and tests drive it with plain XrEventDataBuffer values: begin on READY,
// end on STOPPING, recreate on LOSS_PENDING, leave on EXITING or instance loss. The frame loop
// runs while the session is running; the simulation ticks only while it is FOCUSED (the
// trainee is not in the runtime's menu, the headset is on).
#pragma once

#include <openxr/openxr.h>

#include <string_view>

namespace praxis::xr {

/// What the owner of the session must do after an event.
enum class SessionAction {
  None,
  Begin,     ///< READY: xrBeginSession, then began()
  End,       ///< STOPPING: xrEndSession, then ended()
  Recreate,  ///< LOSS_PENDING: destroy the session, create a new one, then recreated()
  Exit,      ///< EXITING, or the instance is being lost: destroy the session and leave
};

class SessionStateMachine {
 public:
  /// Events of another session than `session` are ignored (XR_NULL_HANDLE: any session).
  explicit SessionStateMachine(XrSession session = XR_NULL_HANDLE) : session_(session) {}

  /// One event from xrPollEvent.
  [[nodiscard]] SessionAction handle(const XrEventDataBuffer& event);

  void began() { running_ = true; }
  void ended() { running_ = false; }
  /// A new session replaced a lost one: its lifecycle starts again from IDLE.
  void recreated(XrSession session);
  /// The owner asks to leave (the attempt ended, the window closed): xrRequestExitSession;
  /// the runtime then sends STOPPING and EXITING.
  void exitRequested() { exitRequested_ = true; }

  [[nodiscard]] XrSessionState state() const { return state_; }
  /// Between xrBeginSession and xrEndSession: the frame loop runs (wait/begin/end frame).
  [[nodiscard]] bool running() const { return running_; }
  /// The runtime shows the application's layers (VISIBLE or FOCUSED).
  [[nodiscard]] bool visible() const;
  /// The application gets input: the simulation advances only in this state.
  [[nodiscard]] bool focused() const { return state_ == XR_SESSION_STATE_FOCUSED; }
  [[nodiscard]] bool instanceLost() const { return instanceLost_; }
  /// Times the session was lost and created again.
  [[nodiscard]] int recreations() const { return recreations_; }

 private:
  SessionAction onStateChanged(const XrEventDataSessionStateChanged& changed);

  XrSession session_;
  XrSessionState state_ = XR_SESSION_STATE_UNKNOWN;
  bool running_ = false;
  bool instanceLost_ = false;
  bool exitRequested_ = false;
  int recreations_ = 0;
};

/// "FOCUSED", "LOSS_PENDING", ... for logs.
[[nodiscard]] std::string_view toString(XrSessionState state);

}  // namespace praxis::xr
