#version 450
// Scene meshes: one instance record per draw (gl_InstanceIndex), both eyes via multiview.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// The depth prepass runs this same module in the same pipeline layout, so both passes compute
// the same depth; the colour pass tests LESS_OR_EQUAL. (`invariant gl_Position` would say so
// explicitly, but glslang puts it on a block member, which the validation layer flags.)
layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec2 inUv;

layout(location = 0) out vec3 outWorld;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec4 outTangent;
layout(location = 3) out vec2 outUv;
layout(location = 4) flat out uint outObject;

void main() {
  const Object object = objects[gl_InstanceIndex];
  const vec4 world = object.model * vec4(inPosition, 1.0);
  // Non-uniform scale (boxes, cylinders) needs the inverse transpose for normals.
  const mat3 normalMatrix = transpose(inverse(mat3(object.model)));
  outWorld = world.xyz;
  outNormal = normalMatrix * inNormal;
  outTangent = vec4(mat3(object.model) * inTangent.xyz, inTangent.w);
  outUv = inUv;
  outObject = gl_InstanceIndex;
  gl_Position = frame.viewProj[gl_ViewIndex + viewPush.viewOffset] * world;
}
