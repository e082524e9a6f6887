#version 450
// glTF 2.0 metallic-roughness shading: one directional light with a PCF shadow map, ambient
// light, the training highlight (rim glow). Writes linear colour to an sRGB attachment.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// True only in the alpha-mask pipeline: elsewhere the discard below is compiled out, so the
// depth test can run before shading.
layout(constant_id = 0) const bool kAlphaMaskPipeline = false;
// False in the pipelines for materials without any map: the texture fetches and the UV and
// tangent inputs are compiled out (on lavapipe they cost about a third of a frame).
layout(constant_id = 1) const bool kTexturedPipeline = true;

layout(set = 1, binding = 0) uniform sampler2DShadow shadowMap;
layout(set = 2, binding = 0) uniform sampler2D baseColourMap;
layout(set = 2, binding = 1) uniform sampler2D normalMap;
layout(set = 2, binding = 2) uniform sampler2D metallicRoughnessMap;
layout(set = 2, binding = 3) uniform sampler2D occlusionMap;
layout(set = 2, binding = 4) uniform sampler2D emissiveMap;

layout(location = 0) in vec3 inWorld;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec2 inUv;
layout(location = 4) flat in uint inObject;

layout(location = 0) out vec4 outColour;

const float kPi = 3.14159265;

float shadowFactor(vec3 world, float nDotL) {
  const vec4 clip = frame.lightViewProj * vec4(world, 1.0);
  const vec3 ndc = clip.xyz / clip.w;
  const vec2 uv = ndc.xy * 0.5 + 0.5;
  if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || ndc.z > 1.0) {
    return 1.0;
  }
  // Slope-scaled bias against acne on surfaces grazing the light.
  const float bias = 0.0015 + 0.004 * (1.0 - nDotL);
  // One tap: the LINEAR compare sampler already filters 2x2 depth tests (hardware PCF);
  // more taps multiply the cost of the busiest fragment work on lavapipe.
  return texture(shadowMap, vec3(uv, ndc.z - bias));
}

float distributionGgx(float nDotH, float alpha) {
  const float a2 = alpha * alpha;
  const float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
  return a2 / (kPi * d * d);
}

float visibilitySmithGgx(float nDotL, float nDotV, float alpha) {
  const float a2 = alpha * alpha;
  const float gv = nDotL * sqrt(nDotV * nDotV * (1.0 - a2) + a2);
  const float gl = nDotV * sqrt(nDotL * nDotL * (1.0 - a2) + a2);
  return 0.5 / max(gv + gl, 1e-5);
}

vec3 encodeSrgb(vec3 linear) {
  return mix(linear * 12.92, 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055,
             step(vec3(0.0031308), linear));
}

vec3 shadingNormal(uint flags) {
  vec3 n = normalize(inNormal);
  if (!gl_FrontFacing) n = -n;  // double-sided materials
  if (kTexturedPipeline && (flags & kFlagNormalMap) != 0u) {
    const vec3 t = normalize(inTangent.xyz - n * dot(n, inTangent.xyz));
    const vec3 b = cross(n, t) * inTangent.w;
    const vec3 m = texture(normalMap, inUv).xyz * 2.0 - 1.0;
    n = normalize(mat3(t, b, n) * m);
  }
  return n;
}

void main() {
  const Object object = objects[inObject];
  const uint flags = uint(object.params.w);
  // Maps a material lacks are not fetched (the flags say which it has): the factors alone
  // are what glTF's defaults (white, no occlusion, no emission) would give.
  vec4 base = object.baseColour;
  if (kTexturedPipeline && (flags & kFlagBaseColourMap) != 0u) base *= texture(baseColourMap, inUv);
  if (kAlphaMaskPipeline && (flags & kFlagAlphaMask) != 0u && base.a < object.params.z) discard;

  vec3 colour;
  if ((flags & kFlagUnlit) != 0u) {
    colour = base.rgb;
  } else {
    const vec3 n = shadingNormal(flags);
    const vec3 v = normalize(frame.cameraPos[gl_ViewIndex + viewPush.viewOffset].xyz - inWorld);
    const vec3 l = frame.lightDir.xyz;
    const vec3 h = normalize(l + v);
    const vec4 mr = kTexturedPipeline && (flags & kFlagMetallicRoughnessMap) != 0u
                        ? texture(metallicRoughnessMap, inUv)  // glTF: G roughness, B metallic
                        : vec4(1.0);
    const float metallic = clamp(object.params.x * mr.b, 0.0, 1.0);
    const float roughness = clamp(object.params.y * mr.g, 0.04, 1.0);
    const float alpha = roughness * roughness;
    const float nDotL = max(dot(n, l), 0.0);
    const float nDotV = max(dot(n, v), 1e-4);
    const float nDotH = max(dot(n, h), 0.0);
    const vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    const vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - max(dot(v, h), 0.0), 5.0);
    const vec3 diffuse = (1.0 - fresnel) * (1.0 - metallic) * base.rgb / kPi;
    const vec3 specular = fresnel * distributionGgx(nDotH, alpha) *
                          visibilitySmithGgx(nDotL, nDotV, alpha);
    const float shadow = nDotL > 0.0 ? shadowFactor(inWorld, nDotL) : 0.0;
    const float occlusion =
        kTexturedPipeline && (flags & kFlagOcclusionMap) != 0u ? texture(occlusionMap, inUv).r : 1.0;
    colour = (diffuse + specular) * frame.lightColour.rgb * nDotL * shadow;
    colour += frame.ambient.rgb * occlusion * (base.rgb * (1.0 - metallic) + f0 * 0.5);
    vec3 emissive = object.emissive.rgb;
    if (kTexturedPipeline && (flags & kFlagEmissiveMap) != 0u) emissive *= texture(emissiveMap, inUv).rgb;
    colour += emissive;
    if (object.emissive.a > 0.5) {
      // Highlight: a rim glow that pulses, plus a faint fill so small parts still show.
      const float rim = pow(1.0 - nDotV, 2.0);
      const float pulse = frame.highlightColour.a;
      colour = mix(colour, frame.highlightColour.rgb, 0.15 + 0.1 * pulse);
      colour += frame.highlightColour.rgb * rim * (1.2 + 0.8 * pulse);
    }
  }
  colour = clamp(colour, 0.0, 1.0);
  if (frame.misc.z > 0.5) colour = encodeSrgb(colour);
  outColour = vec4(colour, base.a);
}
