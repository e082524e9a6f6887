#include "xr/session_state.h"

namespace praxis::xr {

SessionAction SessionStateMachine::handle(const XrEventDataBuffer& event) {
  switch (event.type) {
    case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED:
      return onStateChanged(reinterpret_cast<const XrEventDataSessionStateChanged&>(event));
    case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING:
      // The instance goes at lossTime: nothing but destroying it is left (the spec lets an
      // application try xrCreateInstance again later; Praxis ends the attempt cleanly).
      instanceLost_ = true;
      return SessionAction::Exit;
    default:
      // Reference space changes, interaction profile changes and lost events need no state.
      return SessionAction::None;
  }
}

SessionAction SessionStateMachine::onStateChanged(const XrEventDataSessionStateChanged& changed) {
  if (session_ != XR_NULL_HANDLE && changed.session != session_) return SessionAction::None;
  state_ = changed.state;
  switch (changed.state) {
    case XR_SESSION_STATE_READY: return running_ ? SessionAction::None : SessionAction::Begin;
    case XR_SESSION_STATE_STOPPING: return running_ ? SessionAction::End : SessionAction::None;
    case XR_SESSION_STATE_LOSS_PENDING:
      // A session the owner asked to leave is not worth recreating.
      return exitRequested_ ? SessionAction::Exit : SessionAction::Recreate;
    case XR_SESSION_STATE_EXITING: return SessionAction::Exit;
    default: return SessionAction::None;
  }
}

void SessionStateMachine::recreated(XrSession session) {
  session_ = session;
  state_ = XR_SESSION_STATE_UNKNOWN;
  running_ = false;
  ++recreations_;
}

bool SessionStateMachine::visible() const {
  return state_ == XR_SESSION_STATE_VISIBLE || state_ == XR_SESSION_STATE_FOCUSED;
}

std::string_view toString(XrSessionState state) {
  switch (state) {
    case XR_SESSION_STATE_IDLE: return "IDLE";
    case XR_SESSION_STATE_READY: return "READY";
    case XR_SESSION_STATE_SYNCHRONIZED: return "SYNCHRONIZED";
    case XR_SESSION_STATE_VISIBLE: return "VISIBLE";
    case XR_SESSION_STATE_FOCUSED: return "FOCUSED";
    case XR_SESSION_STATE_STOPPING: return "STOPPING";
    case XR_SESSION_STATE_LOSS_PENDING: return "LOSS_PENDING";
    case XR_SESSION_STATE_EXITING: return "EXITING";
    default: return "UNKNOWN";
  }
}

}  // namespace praxis::xr
