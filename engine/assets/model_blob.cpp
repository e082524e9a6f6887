#include "assets/model_blob.h"

#include <bit>
#include <cstring>
#include <type_traits>

#include "assets/mesh_ops.h"
#include "assets/texture_decode.h"

namespace praxis::assets {
namespace {

static_assert(std::endian::native == std::endian::little, "the blob layout is little-endian");
static_assert(std::is_trivially_copyable_v<Vertex> && sizeof(Vertex) == 48,
              "Vertex is written as raw bytes");
static_assert(std::is_trivially_copyable_v<MeshInstance> && sizeof(MeshInstance) == 68,
              "MeshInstance is written as raw bytes, without padding");

constexpr char kMagic[8] = {'P', 'R', 'A', 'X', 'M', 'O', 'D', 'L'};
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8;


class Writer {
 public:
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void pod(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void array(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Every read is bounds-checked; counts are checked against the bytes left before any
// allocation, so a corrupt count cannot ask for gigabytes.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  bool pod(T& v) {
    if (data_.size() - pos_ < sizeof v) return false;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool str(std::string& s) {
    std::uint32_t n = 0;
    if (!pod(n) || data_.size() - pos_ < n) return false;
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool array(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!pod(n) || n > (data_.size() - pos_) / sizeof(T)) return false;
    v.resize(static_cast<std::size_t>(n));
    if (n == 0) return true;  // an empty vector's data() may be null, which memcpy must not get
    std::memcpy(v.data(), data_.data() + pos_, v.size() * sizeof(T));
    pos_ += v.size() * sizeof(T);
    return true;
  }
  // A count of items each at least `minSize` bytes long.
  bool count(std::uint32_t& n, std::size_t minSize) {
    return pod(n) && n <= (data_.size() - pos_) / minSize;
  }
  [[nodiscard]] bool atEnd() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

void writeMaterial(Writer& w, const Material& m) {
  w.str(m.name);
  w.pod(m.baseColour);
  w.pod(m.metallic);
  w.pod(m.roughness);
  w.pod(m.emissive);
  w.pod(static_cast<std::uint32_t>(m.alphaMode));
  w.pod(m.alphaCutoff);
  w.pod(static_cast<std::uint8_t>(m.doubleSided ? 1 : 0));
  for (int t : {m.baseColourTexture, m.normalTexture, m.metallicRoughnessTexture,
                m.occlusionTexture, m.emissiveTexture}) {
    w.pod(static_cast<std::int32_t>(t));
  }
}

bool readMaterial(Reader& r, Material& m) {
  std::uint32_t alpha = 0;
  std::uint8_t doubleSided = 0;
  if (!(r.str(m.name) && r.pod(m.baseColour) && r.pod(m.metallic) && r.pod(m.roughness) &&
        r.pod(m.emissive) && r.pod(alpha) && r.pod(m.alphaCutoff) && r.pod(doubleSided))) {
    return false;
  }
  if (alpha > static_cast<std::uint32_t>(AlphaMode::Blend) || doubleSided > 1) return false;
  m.alphaMode = static_cast<AlphaMode>(alpha);
  m.doubleSided = doubleSided != 0;
  for (int* t : {&m.baseColourTexture, &m.normalTexture, &m.metallicRoughnessTexture,
                 &m.occlusionTexture, &m.emissiveTexture}) {
    std::int32_t v = 0;
    if (!r.pod(v)) return false;
    *t = v;
  }
  return true;
}

std::string encodePayload(const ModelBlob& blob) {
  Writer w;
  const Model& m = blob.model;
  w.pod(static_cast<std::uint32_t>(blob.dependencies.size()));
  for (const auto& d : blob.dependencies) {
    w.str(d.path);
    w.pod(d.hash);
  }
  w.pod(static_cast<std::uint32_t>(m.textures.size()));
  for (const auto& t : m.textures) {
    w.str(t.name);
    w.pod(t.width);
    w.pod(t.height);
    w.pod(static_cast<std::uint8_t>(t.srgb ? 1 : 0));
    w.array(t.pixels);
  }
  w.pod(static_cast<std::uint32_t>(m.materials.size()));
  for (const auto& mat : m.materials) writeMaterial(w, mat);
  w.pod(static_cast<std::uint32_t>(m.meshes.size()));
  for (const auto& mesh : m.meshes) {
    w.str(mesh.name);
    w.pod(static_cast<std::int32_t>(mesh.material));
    w.pod(mesh.boundsMin);
    w.pod(mesh.boundsMax);
    w.array(mesh.vertices);
    w.array(mesh.indices);
  }
  w.array(m.instances);
  return w.take();
}

bool decodePayload(Reader& r, ModelBlob& blob) {
  Model& m = blob.model;
  std::uint32_t n = 0;
  if (!r.count(n, 12)) return false;
  blob.dependencies.resize(n);
  for (auto& d : blob.dependencies) {
    if (!r.str(d.path) || !r.pod(d.hash)) return false;
  }
  if (!r.count(n, 21)) return false;
  m.textures.resize(n);
  for (auto& t : m.textures) {
    std::uint8_t srgb = 0;
    if (!(r.str(t.name) && r.pod(t.width) && r.pod(t.height) && r.pod(srgb) && r.array(t.pixels))) {
      return false;
    }
    if (srgb > 1 || t.width > kMaxTextureSize || t.height > kMaxTextureSize ||
        t.pixels.size() != std::size_t{t.width} * t.height * 4U) {
      return false;
    }
    t.srgb = srgb != 0;
  }
  if (!r.count(n, 40)) return false;
  m.materials.resize(n);
  for (auto& mat : m.materials) {
    if (!readMaterial(r, mat)) return false;
  }
  if (!r.count(n, 48)) return false;
  m.meshes.resize(n);
  for (auto& mesh : m.meshes) {
    std::int32_t material = 0;
    if (!(r.str(mesh.name) && r.pod(material) && r.pod(mesh.boundsMin) && r.pod(mesh.boundsMax) &&
          r.array(mesh.vertices) && r.array(mesh.indices))) {
      return false;
    }
    mesh.material = material;
  }
  return r.array(m.instances) && r.atEnd();
}

// Indices into other arrays are checked so the renderer can trust a loaded blob as much as
// a fresh import.
core::Result<void> checkReferences(const Model& m) {
  const auto textureOk = [&](int t) {
    return t == kNoTexture || (t >= 0 && t < static_cast<int>(m.textures.size()));
  };
  for (const auto& mat : m.materials) {
    for (int t : {mat.baseColourTexture, mat.normalTexture, mat.metallicRoughnessTexture,
                  mat.occlusionTexture, mat.emissiveTexture}) {
      if (!textureOk(t)) return core::fail("material '", mat.name, "' names a missing texture");
    }
  }
  for (const auto& mesh : m.meshes) {
    if (mesh.material < 0 || mesh.material >= static_cast<int>(m.materials.size())) {
      return core::fail("mesh '", mesh.name, "' names a missing material");
    }
    if (auto ok = checkMesh(mesh); !ok) return ok;
  }
  for (const auto& inst : m.instances) {
    if (inst.mesh < 0 || inst.mesh >= static_cast<int>(m.meshes.size())) {
      return core::fail("an instance names a missing mesh");
    }
  }
  return {};
}

}  // namespace

std::string encodeModelBlob(const ModelBlob& blob) {
  const std::string payload = encodePayload(blob);
  Writer header;
  header.pod(kMagic);
  header.pod(kModelBlobVersion);
  header.pod(std::uint32_t{0});  // flags, reserved
  header.pod(blob.key);
  header.pod(static_cast<std::uint64_t>(payload.size()));
  header.pod(modelBlobChecksum(payload));
  std::string out = header.take();
  out += payload;
  return out;
}

core::Result<ModelBlob> decodeModelBlob(std::string_view bytes, const std::string& name) {
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return core::fail(name, ": not a Praxis baked model (bad magic or too short)");
  }
  Reader header(bytes.substr(sizeof kMagic, kHeaderSize - sizeof kMagic));
  std::uint32_t version = 0;
  std::uint32_t flags = 0;
  std::uint64_t payloadSize = 0;
  std::uint64_t sum = 0;
  ModelBlob blob;
  header.pod(version);
  header.pod(flags);
  header.pod(blob.key);
  header.pod(payloadSize);
  header.pod(sum);
  if (version != kModelBlobVersion) {
    return core::fail(name, ": baked model format ", std::to_string(version), ", expected ",
                      std::to_string(kModelBlobVersion));
  }
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() != payloadSize) {
    return core::fail(name, ": truncated or padded (payload ", std::to_string(payload.size()),
                      " bytes, header says ", std::to_string(payloadSize), ")");
  }
  if (modelBlobChecksum(payload) != sum) return core::fail(name, ": checksum mismatch (corrupted)");
  Reader reader(payload);
  if (!decodePayload(reader, blob)) return core::fail(name, ": malformed payload");
  if (auto ok = checkReferences(blob.model); !ok) {
    return core::fail(name, ": ", ok.error().message);
  }
  return blob;
}

std::uint64_t modelBlobChecksum(std::string_view data) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data.data() + i, 8);
    h = (h ^ w) * 0x100000001B3ULL;
  }
  for (; i < data.size(); ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ULL;
  return h;
}

}  // namespace praxis::assets
