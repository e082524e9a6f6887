#version 450
// ImGui colours are sRGB-encoded. Into an sRGB image (panel textures, most targets) decode
// before writing, the hardware encodes again; into a UNORM target write them as they are.
layout(constant_id = 0) const bool kDecodeSrgb = true;
layout(set = 0, binding = 0) uniform sampler2D fontAtlas;

layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColour;
layout(location = 0) out vec4 outColour;

void main() {
  const vec4 c = inColour * texture(fontAtlas, inUv);
  outColour = kDecodeSrgb ? vec4(pow(c.rgb, vec3(2.2)), c.a) : c;
}
