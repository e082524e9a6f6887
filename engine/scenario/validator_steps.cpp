// The step graph: where each step can go next (branches, `next`, or the following step),
// which steps the first one can reach, and cycles (a scenario must always come to an end).
#include <algorithm>
#include <deque>

#include "scenario/validator_index.h"

namespace praxis::scenario::detail {
namespace {

struct Edge {
  int to = -1;
  const SourceSpan* at = nullptr;  // the `goto`/`next` that says so, or the step itself
};

std::vector<std::vector<Edge>> buildEdges(const Index& ix) {
  const auto& steps = ix.def().steps;
  const int n = static_cast<int>(steps.size());
  std::vector<std::vector<Edge>> edges(steps.size());
  for (int i = 0; i < n; ++i) {
    const StepDef& s = steps[static_cast<std::size_t>(i)];
    auto& out = edges[static_cast<std::size_t>(i)];
    for (const auto& b : s.branches) {
      const SourceSpan& at = spanOf(b.fields, "goto", b.span);
      if (b.next.empty()) continue;  // missing `goto`: reported by the loader
      if (ix.requireStep(b.next, at, "goto", true) && b.next != kEndStep) out.push_back({ix.stepIndex(b.next), &at});
    }
    if (s.next.empty()) {
      if (i + 1 < n) out.push_back({i + 1, &s.span});
    } else {
      const SourceSpan& at = spanOf(s.fields, "next", s.span);
      if (ix.requireStep(s.next, at, "next", true) && s.next != kEndStep) out.push_back({ix.stepIndex(s.next), &at});
    }
  }
  return edges;
}

void checkReachable(const Index& ix, const std::vector<std::vector<Edge>>& edges) {
  const auto& steps = ix.def().steps;
  if (steps.empty()) return;
  std::vector<bool> seen(steps.size(), false);
  std::deque<int> queue{0};
  seen[0] = true;
  while (!queue.empty()) {
    const int at = queue.front();
    queue.pop_front();
    for (const Edge& e : edges[static_cast<std::size_t>(at)]) {
      if (!seen[static_cast<std::size_t>(e.to)]) {
        seen[static_cast<std::size_t>(e.to)] = true;
        queue.push_back(e.to);
      }
    }
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (seen[i]) continue;
    ix.out().error(spanOf(steps[i].fields, "id", steps[i].span),
                   "step '" + steps[i].id + "' is unreachable: no path from the first step '" + steps[0].id +
                       "' leads to it (check the `next` and `goto` of the steps before it)");
  }
}

/// Strongly connected components (Tarjan, iterative: step lists can be long).
std::vector<std::vector<int>> components(const std::vector<std::vector<Edge>>& edges) {
  const int n = static_cast<int>(edges.size());
  std::vector<int> index(edges.size(), -1), low(edges.size(), 0);
  std::vector<bool> onStack(edges.size(), false);
  std::vector<int> stack;
  std::vector<std::vector<int>> out;
  int counter = 0;
  for (int root = 0; root < n; ++root) {
    if (index[static_cast<std::size_t>(root)] >= 0) continue;
    std::vector<std::pair<int, std::size_t>> frames{{root, 0}};  // node, next edge to look at
    while (!frames.empty()) {
      auto& [v, next] = frames.back();
      const auto uv = static_cast<std::size_t>(v);
      if (next == 0 && index[uv] < 0) {
        index[uv] = low[uv] = counter++;
        stack.push_back(v);
        onStack[uv] = true;
      }
      if (next < edges[uv].size()) {
        const auto w = static_cast<std::size_t>(edges[uv][next++].to);
        if (index[w] < 0) {
          frames.emplace_back(static_cast<int>(w), 0);
        } else if (onStack[w]) {
          low[uv] = std::min(low[uv], index[w]);
        }
        continue;
      }
      if (low[uv] == index[uv]) {
        std::vector<int> component;
        int w = -1;
        do {
          w = stack.back();
          stack.pop_back();
          onStack[static_cast<std::size_t>(w)] = false;
          component.push_back(w);
        } while (w != v);
        out.push_back(std::move(component));
      }
      const int finished = v;
      frames.pop_back();
      if (!frames.empty()) {
        const auto parent = static_cast<std::size_t>(frames.back().first);
        low[parent] = std::min(low[parent], low[static_cast<std::size_t>(finished)]);
      }
    }
  }
  return out;
}

/// A shortest cycle through `start` inside `component`, as step indices, and the closing edge.
std::pair<std::vector<int>, const Edge*> cycleThrough(int start, const std::vector<int>& component,
                                                     const std::vector<std::vector<Edge>>& edges) {
  std::vector<int> parent(edges.size(), -2);
  std::vector<const Edge*> via(edges.size(), nullptr);
  std::deque<int> queue{start};
  const auto inComponent = [&](int v) { return std::find(component.begin(), component.end(), v) != component.end(); };
  while (!queue.empty()) {
    const int v = queue.front();
    queue.pop_front();
    for (const Edge& e : edges[static_cast<std::size_t>(v)]) {
      if (e.to == start) {
        std::vector<int> path{start};  // built backwards: start, v, parent(v), …, start
        for (int at = v; at != start && at >= 0; at = parent[static_cast<std::size_t>(at)]) path.push_back(at);
        path.push_back(start);
        std::reverse(path.begin(), path.end());
        return {path, &e};
      }
      if (inComponent(e.to) && parent[static_cast<std::size_t>(e.to)] == -2) {
        parent[static_cast<std::size_t>(e.to)] = v;
        queue.push_back(e.to);
      }
    }
  }
  return {{}, nullptr};
}

void checkCycles(const Index& ix, const std::vector<std::vector<Edge>>& edges) {
  const auto& steps = ix.def().steps;
  for (const auto& component : components(edges)) {
    const int first = *std::min_element(component.begin(), component.end());
    const auto [path, closing] = cycleThrough(first, component, edges);
    if (closing == nullptr) continue;  // a single step without a self-loop
    std::string names;
    for (const int v : path) names += (names.empty() ? "" : " -> ") + steps[static_cast<std::size_t>(v)].id;
    ix.out().error(*closing->at, "steps form a cycle (" + names +
                                 "); every path must reach the end, so a scenario always terminates");
  }
}

}  // namespace

void checkStepGraph(const Index& ix) {
  const auto edges = buildEdges(ix);
  checkReachable(ix, edges);
  checkCycles(ix, edges);
}

}  // namespace praxis::scenario::detail
