#version 450
// ImGui colours are sRGB-encoded; the panel texture is sRGB, so decode before writing.
layout(set = 0, binding = 0) uniform sampler2D fontAtlas;

layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColour;
layout(location = 0) out vec4 outColour;

void main() {
  const vec4 c = inColour * texture(fontAtlas, inUv);
  outColour = vec4(pow(c.rgb, vec3(2.2)), c.a);
}
