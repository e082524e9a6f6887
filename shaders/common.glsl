// Shared by the mesh and shadow shaders: the per-frame uniforms and the per-object records.
// Layouts must match FrameUniforms / ObjectRecord in engine/render/gpu_layout.h.

layout(std140, set = 0, binding = 0) uniform Frame {
  mat4 viewProj[2];      // per view (multiview index)
  vec4 cameraPos[2];
  mat4 lightViewProj;
  vec4 lightDir;         // xyz: unit vector towards the light
  vec4 lightColour;      // rgb: radiance
  vec4 ambient;          // rgb
  vec4 highlightColour;  // rgb: colour-blind-safe sky blue; a: pulse 0..1
  vec4 misc;             // x: fault flash 0..1, y: shadow texel size, z: 1 = encode sRGB in shader
} frame;

// Added to gl_ViewIndex: non-zero when stereo is drawn one eye per pass (StereoMode).
layout(push_constant) uniform ViewPush {
  uint viewOffset;
} viewPush;

struct Object {
  mat4 model;
  vec4 baseColour;  // linear rgba
  vec4 emissive;    // rgb emissive; a: 1 = highlighted
  vec4 params;      // metallic, roughness, alpha cutoff, flags
};

layout(std430, set = 0, binding = 1) readonly buffer Objects {
  Object objects[];
};

const uint kFlagUnlit = 1u;
const uint kFlagAlphaMask = 2u;
const uint kFlagNormalMap = 4u;
const uint kFlagBaseColourMap = 8u;
const uint kFlagMetallicRoughnessMap = 16u;
const uint kFlagOcclusionMap = 32u;
const uint kFlagEmissiveMap = 64u;
