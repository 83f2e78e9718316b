#pragma once
// `sopctl grow` renderers: a projection per cycle with the model's assumption.

#include <sopctl/grow/grow.hpp>

#include <string>

namespace sopctl::render {

// Where K and the cycle came from, for the heading ("measured in events.csv").
struct GrowRenderOptions {
  std::string source;
};

std::string grow_table(const grow::Projection& p, const GrowRenderOptions& opts);
std::string grow_markdown(const grow::Projection& p, const GrowRenderOptions& opts);
std::string grow_csv(const grow::Projection& p, const GrowRenderOptions& opts);
std::string grow_json(const grow::Projection& p, const GrowRenderOptions& opts);

}  // namespace sopctl::render
