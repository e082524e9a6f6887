#version 450
// Dear ImGui vertices (pixels) into a panel texture.
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
  outColour = inColour;
  gl_Position = vec4(inPosition * push.scale + push.translate, 0.0, 1.0);
}
