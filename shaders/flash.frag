#version 450
// Fault flash: a vermillion vignette with diagonal hatching at the edges, so it reads as
// "danger" by pattern as well as by colour (Okabe-Ito vermillion, distinct from the blue
// highlight for every common colour-vision deficiency).
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(location = 0) in vec2 inUv;
layout(location = 0) out vec4 outColour;

void main() {
  const float intensity = frame.misc.x;
  const float edge = smoothstep(0.35, 1.0, length(inUv * 2.0 - 1.0));
  const float hatch = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 24.0));
  const float alpha = intensity * (0.18 + edge * (0.45 + 0.3 * hatch));
  vec3 colour = vec3(0.665, 0.111, 0.0);  // vermillion (213, 94, 0) in linear
  if (frame.misc.z > 0.5) colour = pow(colour, vec3(1.0 / 2.2));
  outColour = vec4(colour, clamp(alpha, 0.0, 1.0));
}
