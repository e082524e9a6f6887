// The xAPI vocabulary Praxis uses: ADL verbs, activity types, and the cmi5 category,
// extensions and Praxis's own extension IRIs, as constants so no IRI is typed twice.
#pragma once

#include <string_view>

namespace praxis::xapi {

/// The xAPI version sent in every request's X-Experience-API-Version header.
inline constexpr std::string_view kXapiVersion = "1.0.3";

namespace verbs {
// ADL verbs (http://adlnet.gov/expapi/verbs/...), the ones cmi5 names "cmi5 defined".
inline constexpr std::string_view kLaunched = "http://adlnet.gov/expapi/verbs/launched";
inline constexpr std::string_view kInitialized = "http://adlnet.gov/expapi/verbs/initialized";
inline constexpr std::string_view kAttempted = "http://adlnet.gov/expapi/verbs/attempted";
inline constexpr std::string_view kCompleted = "http://adlnet.gov/expapi/verbs/completed";
inline constexpr std::string_view kPassed = "http://adlnet.gov/expapi/verbs/passed";
inline constexpr std::string_view kFailed = "http://adlnet.gov/expapi/verbs/failed";
inline constexpr std::string_view kInteracted = "http://adlnet.gov/expapi/verbs/interacted";
inline constexpr std::string_view kExperienced = "http://adlnet.gov/expapi/verbs/experienced";
inline constexpr std::string_view kTerminated = "http://adlnet.gov/expapi/verbs/terminated";
inline constexpr std::string_view kAsked = "http://adlnet.gov/expapi/verbs/asked";
inline constexpr std::string_view kVoided = "http://adlnet.gov/expapi/verbs/voided";
// ADL vocabulary verbs cmi5 uses for LMS-side statements.
inline constexpr std::string_view kAbandoned = "https://w3id.org/xapi/adl/verbs/abandoned";
inline constexpr std::string_view kWaived = "https://w3id.org/xapi/adl/verbs/waived";
inline constexpr std::string_view kSatisfied = "https://w3id.org/xapi/adl/verbs/satisfied";
// Praxis's verb for a safety or procedure fault; no ADL verb says "made a mistake".
inline constexpr std::string_view kFaulted = "https://praxis.example.org/xapi/verbs/faulted";
// Praxis's verb for a phrase the trainee said (a spoken command, an instruction to a person).
inline constexpr std::string_view kSaid = "https://praxis.example.org/xapi/verbs/said";
}  // namespace verbs

namespace activity_types {
inline constexpr std::string_view kCourse = "http://adlnet.gov/expapi/activities/course";
inline constexpr std::string_view kModule = "http://adlnet.gov/expapi/activities/module";
inline constexpr std::string_view kSimulation = "http://adlnet.gov/expapi/activities/simulation";
inline constexpr std::string_view kObjective = "http://adlnet.gov/expapi/activities/objective";
inline constexpr std::string_view kInteraction = "http://adlnet.gov/expapi/activities/interaction";
inline constexpr std::string_view kFault = "https://praxis.example.org/xapi/activity-types/fault";
inline constexpr std::string_view kHint = "https://praxis.example.org/xapi/activity-types/hint";
inline constexpr std::string_view kPhrase = "https://praxis.example.org/xapi/activity-types/phrase";
}  // namespace activity_types

namespace cmi5 {
inline constexpr std::string_view kCategory = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
inline constexpr std::string_view kMoveOnCategory =
    "https://w3id.org/xapi/cmi5/context/categories/moveon";
inline constexpr std::string_view kSessionIdExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
inline constexpr std::string_view kMasteryScoreExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
inline constexpr std::string_view kLaunchModeExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/launchmode";
inline constexpr std::string_view kLaunchUrlExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/launchurl";
inline constexpr std::string_view kMoveOnExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/moveon";
inline constexpr std::string_view kLaunchParametersExtension =
    "https://w3id.org/xapi/cmi5/context/extensions/launchparameters";
inline constexpr std::string_view kReasonExtension =
    "https://w3id.org/xapi/cmi5/result/extensions/reason";
inline constexpr std::string_view kLaunchDataStateId = "LMS.LaunchData";
/// The Agent Profile document the LMS keeps for the learner (cmi5 §11).
inline constexpr std::string_view kLearnerPreferencesProfileId = "cmi5LearnerPreferences";
}  // namespace cmi5

/// Praxis's own extension keys, under the project's IRI space. Values are documented in
/// docs/xapi.md.
namespace extensions {
inline constexpr std::string_view kMode = "https://praxis.example.org/xapi/extensions/mode";
inline constexpr std::string_view kStep = "https://praxis.example.org/xapi/extensions/step";
inline constexpr std::string_view kFault = "https://praxis.example.org/xapi/extensions/fault";
inline constexpr std::string_view kSeverity = "https://praxis.example.org/xapi/extensions/severity";
inline constexpr std::string_view kInvolved = "https://praxis.example.org/xapi/extensions/involved";
/// The scenario's devices' states when a fault was raised ("drill=running_down"), format 2.
inline constexpr std::string_view kDeviceStates = "https://praxis.example.org/xapi/extensions/device-states";
/// The involved objects' labels (language maps, in the order of kInvolved), so a report can
/// name them as the trainee saw them.
inline constexpr std::string_view kInvolvedLabels =
    "https://praxis.example.org/xapi/extensions/involved-labels";
inline constexpr std::string_view kPenalty = "https://praxis.example.org/xapi/extensions/penalty";
inline constexpr std::string_view kPoints = "https://praxis.example.org/xapi/extensions/points";
inline constexpr std::string_view kHintIndex =
    "https://praxis.example.org/xapi/extensions/hint-index";
inline constexpr std::string_view kEndReason =
    "https://praxis.example.org/xapi/extensions/end-reason";
inline constexpr std::string_view kPassScore =
    "https://praxis.example.org/xapi/extensions/pass-score";
inline constexpr std::string_view kTick = "https://praxis.example.org/xapi/extensions/tick";
/// The person a phrase was said to (their id; absent when said to nobody in particular).
inline constexpr std::string_view kPerson = "https://praxis.example.org/xapi/extensions/person";
}  // namespace extensions

}  // namespace praxis::xapi
