#version 450
// Dear ImGui fragments: the vertex colour (already decoded for an sRGB target, see ui.vert)
// times the font atlas, whose texels are white with the glyph coverage in alpha.
layout(set = 0, binding = 0) uniform sampler2D fontAtlas;

layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColour;
layout(location = 0) out vec4 outColour;

void main() { outColour = inColour * texture(fontAtlas, inUv); }
