#version 450
// Dear ImGui vertices (pixels) into a panel texture or over a frame.
// ImGui colours are sRGB-encoded. Into an sRGB image (panel textures, most targets) decode
// them here, the hardware encodes again; into a UNORM target pass them as they are. Per
// vertex, not per fragment: the atlas texels are white (the colour is the vertex's alone) and
// ImGui's colours are flat across a shape, while on a software rasterizer a pow per pixel of
// the editor's panels costs milliseconds a frame.
layout(constant_id = 0) const bool kDecodeSrgb = true;
layout(push_constant) uniform Push {
  vec2 scale;
  vec2 translate;
} push;

layout(location = 0) in vec2 inPosition;
layout(location = 1) in vec2 inUv;
layout(location = 2) in vec4 inColour;

layout(location = 0) out vec2 outUv;
layout(location = 1) out vec4 outColour;

void main() {
  outUv = inUv;
  outColour = kDecodeSrgb ? vec4(pow(inColour.rgb, vec3(2.2)), inColour.a) : inColour;
  gl_Position = vec4(inPosition * push.scale + push.translate, 0.0, 1.0);
}
