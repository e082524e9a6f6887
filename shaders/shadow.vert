#version 450
// Depth-only pass from the directional light into the shadow map.
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(location = 0) in vec3 inPosition;

void main() {
  gl_Position = frame.lightViewProj * (objects[gl_InstanceIndex].model * vec4(inPosition, 1.0));
}
