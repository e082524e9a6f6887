// The JSON text Praxis sends and stores: what a JavaScript JSON.parse + JSON.stringify round
// trip gives back byte for byte. Some LMSs (ADL's CATAPULT player among them) re-serialise a
// statement in JavaScript and forward it with the original Content-Length; a body whose
// length changes on that round trip (1.0 becomes 1, \u00e9 becomes é) hangs their upstream
// request. Writing the JavaScript form ourselves costs nothing and is still plain JSON.
#pragma once

#include <string>

#include "xapi/statement.h"

namespace praxis::xapi {

/// `json` as ECMAScript's JSON.stringify writes it: no insignificant whitespace, numbers as
/// Number.prototype.toString (integral doubles without a fraction, shortest round-trip digits,
/// exponents from 1e21 and below 1e-6), non-ASCII characters unescaped, array-index keys
/// ("0", "7", "12") first in numeric order as JavaScript objects keep them. Not-finite numbers
/// become null, invalid UTF-8 becomes U+FFFD, as there.
[[nodiscard]] std::string wireText(const Json& json);

/// One number as ECMAScript's Number.prototype.toString writes it.
[[nodiscard]] std::string javascriptNumber(double value);

}  // namespace praxis::xapi
